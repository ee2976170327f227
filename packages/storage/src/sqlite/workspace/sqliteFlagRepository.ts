import type { Database, Statement } from 'better-sqlite3';
import type { Flag } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertFlag } from '../../workspace/validateCommentRecords';
import type { FlagRepository } from '../../workspace/workspaceStore';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface FlagRow {
  readonly id: string;
  readonly consultation_id: string;
  readonly comment_id: string;
  readonly flagged_by: string;
  readonly reason: string;
  readonly created_at: string;
  readonly handled_at: string | null;
}

const FLAG_CONSTRAINTS = {
  'comment_flags.id': 'primary_key',
  'comment_flags.comment_id, comment_flags.flagged_by': 'flag_duplicate',
} as const;

export class SqliteFlagRepository implements FlagRepository {
  private readonly insertFlag: Statement<[FlagRow]>;
  private readonly selectById: Statement<[string], FlagRow>;
  private readonly selectOpenByConsultation: Statement<[string], FlagRow>;
  private readonly handleOne: Statement<[string, string]>;
  private readonly handleByComment: Statement<[string, string]>;

  constructor(db: Database) {
    this.insertFlag = db.prepare(`
      INSERT INTO comment_flags (id, consultation_id, comment_id, flagged_by, reason, created_at,
        handled_at)
      VALUES (@id, @consultation_id, @comment_id, @flagged_by, @reason, @created_at, @handled_at)
    `);
    this.selectById = db.prepare('SELECT * FROM comment_flags WHERE id = ?');
    this.selectOpenByConsultation = db.prepare(`
      SELECT * FROM comment_flags WHERE consultation_id = ? AND handled_at IS NULL
      ORDER BY created_at, id
    `);
    this.handleOne = db.prepare(
      'UPDATE comment_flags SET handled_at = ? WHERE id = ? AND handled_at IS NULL',
    );
    this.handleByComment = db.prepare(
      'UPDATE comment_flags SET handled_at = ? WHERE comment_id = ? AND handled_at IS NULL',
    );
  }

  async create(flag: Flag): Promise<void> {
    assertFlag(flag);
    const row: FlagRow = {
      id: flag.id,
      consultation_id: flag.consultationId,
      comment_id: flag.commentId,
      flagged_by: flag.flaggedBy,
      reason: flag.reason,
      created_at: flag.createdAt,
      handled_at: flag.handledAt,
    };
    withUniqueConstraints(FLAG_CONSTRAINTS, () => this.insertFlag.run(row));
  }

  async findById(id: string): Promise<Flag | null> {
    assertKey(id, 'id');
    const row = this.selectById.get(id);
    return row ? flagFromRow(row) : null;
  }

  async listOpenByConsultation(consultationId: string): Promise<Flag[]> {
    assertKey(consultationId, 'consultationId');
    return this.selectOpenByConsultation.all(consultationId).map(flagFromRow);
  }

  async markHandled(id: string, handledAt: string): Promise<boolean> {
    assertKey(id, 'id');
    assertInstant(handledAt, 'handledAt');
    return this.handleOne.run(handledAt, id).changes > 0;
  }

  async markHandledByComment(commentId: string, handledAt: string): Promise<number> {
    assertKey(commentId, 'commentId');
    assertInstant(handledAt, 'handledAt');
    return this.handleByComment.run(handledAt, commentId).changes;
  }
}

function flagFromRow(row: FlagRow): Flag {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    commentId: row.comment_id,
    flaggedBy: row.flagged_by,
    reason: row.reason,
    createdAt: row.created_at,
    handledAt: row.handled_at,
  };
}
