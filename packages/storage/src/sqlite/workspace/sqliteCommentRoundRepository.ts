import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { CommentRound, CommentRoundAudience } from '@atelier/domain';
import { assertKey } from '../../workspace/argumentGuards';
import {
  assertCommentRound,
  assertCommentRoundPatch,
} from '../../workspace/validateCommentRecords';
import type { CommentRoundPatch, CommentRoundRepository } from '../../workspace/workspaceStore';
import { fromJsonColumn, toJsonColumn } from './jsonColumn';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface CommentRoundRow {
  readonly id: string;
  readonly consultation_id: string;
  readonly title: string;
  readonly instructions: string;
  readonly opens_at: string;
  readonly closes_at: string;
  readonly audience: string;
  readonly commitment_ids_json: string;
  readonly created_by: string;
  readonly created_at: string;
}

const ROUND_CONSTRAINTS = { 'comment_rounds.id': 'primary_key' } as const;

export class SqliteCommentRoundRepository implements CommentRoundRepository {
  private readonly insertRound: Statement<[CommentRoundRow]>;
  private readonly selectById: Statement<[string], CommentRoundRow>;
  private readonly selectByConsultation: Statement<[string], CommentRoundRow>;
  private readonly writeRoundRow: Statement<[CommentRoundRow]>;
  private readonly patchRound: Transaction<
    (id: string, patch: CommentRoundPatch) => CommentRoundRow | null
  >;

  constructor(db: Database) {
    this.insertRound = db.prepare(`
      INSERT INTO comment_rounds (id, consultation_id, title, instructions, opens_at, closes_at,
        audience, commitment_ids_json, created_by, created_at)
      VALUES (@id, @consultation_id, @title, @instructions, @opens_at, @closes_at,
        @audience, @commitment_ids_json, @created_by, @created_at)
    `);
    this.selectById = db.prepare('SELECT * FROM comment_rounds WHERE id = ?');
    this.selectByConsultation = db.prepare(
      'SELECT * FROM comment_rounds WHERE consultation_id = ? ORDER BY opens_at, id',
    );
    this.writeRoundRow = db.prepare(`
      UPDATE comment_rounds SET title = @title, instructions = @instructions,
        opens_at = @opens_at, closes_at = @closes_at, audience = @audience,
        commitment_ids_json = @commitment_ids_json
      WHERE id = @id
    `);
    this.patchRound = db.transaction((id: string, patch: CommentRoundPatch) => {
      const row = this.selectById.get(id);
      if (!row) return null;
      const updated: CommentRoundRow = {
        ...row,
        title: patch.title ?? row.title,
        instructions: patch.instructions ?? row.instructions,
        opens_at: patch.opensAt ?? row.opens_at,
        closes_at: patch.closesAt ?? row.closes_at,
        audience: patch.audience ?? row.audience,
        commitment_ids_json: patch.commitmentIds
          ? toJsonColumn(patch.commitmentIds)
          : row.commitment_ids_json,
      };
      this.writeRoundRow.run(updated);
      return updated;
    });
  }

  async create(round: CommentRound): Promise<void> {
    assertCommentRound(round);
    const row: CommentRoundRow = {
      id: round.id,
      consultation_id: round.consultationId,
      title: round.title,
      instructions: round.instructions,
      opens_at: round.opensAt,
      closes_at: round.closesAt,
      audience: round.audience,
      commitment_ids_json: toJsonColumn(round.commitmentIds),
      created_by: round.createdBy,
      created_at: round.createdAt,
    };
    withUniqueConstraints(ROUND_CONSTRAINTS, () => this.insertRound.run(row));
  }

  async findById(id: string): Promise<CommentRound | null> {
    assertKey(id, 'id');
    const row = this.selectById.get(id);
    return row ? roundFromRow(row) : null;
  }

  async listByConsultation(consultationId: string): Promise<CommentRound[]> {
    assertKey(consultationId, 'consultationId');
    return this.selectByConsultation.all(consultationId).map(roundFromRow);
  }

  async update(id: string, patch: CommentRoundPatch): Promise<CommentRound | null> {
    assertKey(id, 'id');
    assertCommentRoundPatch(patch);
    const row = this.patchRound.immediate(id, patch);
    return row ? roundFromRow(row) : null;
  }
}

function roundFromRow(row: CommentRoundRow): CommentRound {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    title: row.title,
    instructions: row.instructions,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    audience: row.audience as CommentRoundAudience,
    commitmentIds: fromJsonColumn<string[]>(row.commitment_ids_json),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
