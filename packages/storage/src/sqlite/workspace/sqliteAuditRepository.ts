import type { Database, Statement } from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '@atelier/domain';
import { assertCount, assertKey } from '../../workspace/argumentGuards';
import { assertAuditEntry } from '../../workspace/validateWorkspaceRecords';
import type { AuditRepository } from '../../workspace/workspaceStore';
import { fromJsonColumn, toJsonColumn } from './jsonColumn';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface AuditRow {
  readonly id: string;
  readonly consultation_id: string | null;
  readonly actor_id: string | null;
  readonly action: string;
  readonly target: string;
  readonly details_json: string;
  readonly at: string;
}

const AUDIT_CONSTRAINTS = { 'audit_entries.id': 'primary_key' } as const;

export class SqliteAuditRepository implements AuditRepository {
  private readonly insertEntry: Statement<[AuditRow]>;
  private readonly selectNewestByConsultation: Statement<[string, number], AuditRow>;

  constructor(db: Database) {
    this.insertEntry = db.prepare(`
      INSERT INTO audit_entries (id, consultation_id, actor_id, action, target, details_json, at)
      VALUES (@id, @consultation_id, @actor_id, @action, @target, @details_json, @at)
    `);
    this.selectNewestByConsultation = db.prepare(`
      SELECT * FROM audit_entries WHERE consultation_id = ?
      ORDER BY at DESC, id DESC LIMIT ?
    `);
  }

  async append(entry: AuditEntry): Promise<void> {
    assertAuditEntry(entry);
    const row: AuditRow = {
      id: entry.id,
      consultation_id: entry.consultationId,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target,
      details_json: toJsonColumn(entry.details),
      at: entry.at,
    };
    withUniqueConstraints(AUDIT_CONSTRAINTS, () => this.insertEntry.run(row));
  }

  async listByConsultation(consultationId: string, limit: number): Promise<AuditEntry[]> {
    assertKey(consultationId, 'consultationId');
    assertCount(limit, 'limit');
    return this.selectNewestByConsultation.all(consultationId, limit).map((row) => ({
      id: row.id,
      consultationId: row.consultation_id,
      actorId: row.actor_id,
      action: row.action as AuditAction,
      target: row.target,
      details: fromJsonColumn<Record<string, unknown>>(row.details_json),
      at: row.at,
    }));
  }
}
