import type { Database, Statement } from 'better-sqlite3';
import type { ModerationAction, ModerationLogEntry, ModeratorRole } from '@atelier/domain';
import { assertCount, assertKey } from '../../workspace/argumentGuards';
import { assertModerationLogEntry } from '../../workspace/validateCommentRecords';
import type { ModerationLogRepository } from '../../workspace/workspaceStore';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface ModerationLogRow {
  readonly id: string;
  readonly consultation_id: string;
  readonly action: string;
  readonly target: string;
  readonly reason: string;
  readonly moderator_role: string;
  readonly at: string;
}

const LOG_CONSTRAINTS = { 'moderation_log.id': 'primary_key' } as const;

export class SqliteModerationLogRepository implements ModerationLogRepository {
  private readonly insertEntry: Statement<[ModerationLogRow]>;
  private readonly selectNewestByConsultation: Statement<[string, number], ModerationLogRow>;

  constructor(db: Database) {
    this.insertEntry = db.prepare(`
      INSERT INTO moderation_log (id, consultation_id, action, target, reason, moderator_role, at)
      VALUES (@id, @consultation_id, @action, @target, @reason, @moderator_role, @at)
    `);
    this.selectNewestByConsultation = db.prepare(`
      SELECT * FROM moderation_log WHERE consultation_id = ? ORDER BY at DESC, id DESC LIMIT ?
    `);
  }

  async append(entry: ModerationLogEntry): Promise<void> {
    assertModerationLogEntry(entry);
    const row: ModerationLogRow = {
      id: entry.id,
      consultation_id: entry.consultationId,
      action: entry.action,
      target: entry.target,
      reason: entry.reason,
      moderator_role: entry.moderatorRole,
      at: entry.at,
    };
    withUniqueConstraints(LOG_CONSTRAINTS, () => this.insertEntry.run(row));
  }

  async listByConsultation(consultationId: string, limit: number): Promise<ModerationLogEntry[]> {
    assertKey(consultationId, 'consultationId');
    assertCount(limit, 'limit');
    return this.selectNewestByConsultation.all(consultationId, limit).map((row) => ({
      id: row.id,
      consultationId: row.consultation_id,
      action: row.action as ModerationAction,
      target: row.target,
      reason: row.reason,
      moderatorRole: row.moderator_role as ModeratorRole,
      at: row.at,
    }));
  }
}
