import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { Commitment, CommitmentReadModel, CommitmentStatus } from '@atelier/domain';
import { assertKey } from '../../workspace/argumentGuards';
import { themeRecord } from '../../workspace/themeRecord';
import {
  assertCommitment,
  assertCommitmentPatch,
  assertReadModel,
} from '../../workspace/validateWorkspaceRecords';
import type { CommitmentPatch, CommitmentRepository } from '../../workspace/workspaceStore';
import { fromJsonColumn, toFlag, toJsonColumn } from './jsonColumn';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface CommitmentRow {
  readonly id: string;
  readonly consultation_id: string;
  readonly number: number;
  readonly title: string;
  readonly theme_json: string;
  readonly lead_organisation_ids_json: string;
  readonly partner_organisation_ids_json: string;
  readonly status: string;
  readonly locked: 0 | 1;
  readonly doc_name: string;
  readonly read_model_json: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const COMMITMENT_CONSTRAINTS = {
  'commitments.id': 'primary_key',
  'commitments.consultation_id, commitments.number': 'commitment_number',
  'commitments.doc_name': 'commitment_doc_name',
} as const;

export class SqliteCommitmentRepository implements CommitmentRepository {
  private readonly insertCommitment: Statement<[CommitmentRow]>;
  private readonly selectById: Statement<[string], CommitmentRow>;
  private readonly selectByDocName: Statement<[string], CommitmentRow>;
  private readonly selectByConsultation: Statement<[string], CommitmentRow>;
  private readonly selectMaxNumber: Statement<[string], number>;
  private readonly writeCommitmentRow: Statement<[CommitmentRow]>;
  private readonly writeReadModel: Statement<[string, string]>;
  private readonly deleteCommitment: Statement<[string]>;
  private readonly patchCommitment: Transaction<
    (id: string, patch: CommitmentPatch) => CommitmentRow | null
  >;

  constructor(db: Database) {
    this.insertCommitment = db.prepare(`
      INSERT INTO commitments (id, consultation_id, number, title, theme_json,
        lead_organisation_ids_json, partner_organisation_ids_json, status, locked, doc_name,
        read_model_json, created_at, updated_at)
      VALUES (@id, @consultation_id, @number, @title, @theme_json,
        @lead_organisation_ids_json, @partner_organisation_ids_json, @status, @locked, @doc_name,
        @read_model_json, @created_at, @updated_at)
    `);
    this.selectById = db.prepare('SELECT * FROM commitments WHERE id = ?');
    this.selectByDocName = db.prepare('SELECT * FROM commitments WHERE doc_name = ?');
    this.selectByConsultation = db.prepare(
      'SELECT * FROM commitments WHERE consultation_id = ? ORDER BY number',
    );
    this.selectMaxNumber = db
      .prepare<[string], number>(
        'SELECT COALESCE(MAX(number), 0) FROM commitments WHERE consultation_id = ?',
      )
      .pluck();
    this.writeCommitmentRow = db.prepare(`
      UPDATE commitments SET title = @title, theme_json = @theme_json,
        lead_organisation_ids_json = @lead_organisation_ids_json,
        partner_organisation_ids_json = @partner_organisation_ids_json,
        status = @status, locked = @locked, updated_at = @updated_at
      WHERE id = @id
    `);
    this.writeReadModel = db.prepare('UPDATE commitments SET read_model_json = ? WHERE id = ?');
    this.deleteCommitment = db.prepare('DELETE FROM commitments WHERE id = ?');
    this.patchCommitment = db.transaction((id: string, patch: CommitmentPatch) => {
      const row = this.selectById.get(id);
      if (!row) return null;
      const updated = applyCommitmentPatch(row, patch);
      this.writeCommitmentRow.run(updated);
      return updated;
    });
  }

  async create(commitment: Commitment): Promise<void> {
    assertCommitment(commitment);
    const row: CommitmentRow = {
      id: commitment.id,
      consultation_id: commitment.consultationId,
      number: commitment.number,
      title: commitment.title,
      theme_json: toJsonColumn(themeRecord(commitment.theme)),
      lead_organisation_ids_json: toJsonColumn(commitment.leadOrganisationIds),
      partner_organisation_ids_json: toJsonColumn(commitment.partnerOrganisationIds),
      status: commitment.status,
      locked: toFlag(commitment.locked),
      doc_name: commitment.docName,
      read_model_json: toJsonColumn(commitment.readModel),
      created_at: commitment.createdAt,
      updated_at: commitment.updatedAt,
    };
    withUniqueConstraints(COMMITMENT_CONSTRAINTS, () => this.insertCommitment.run(row));
  }

  async findById(id: string): Promise<Commitment | null> {
    assertKey(id, 'id');
    return commitmentOrNull(this.selectById.get(id));
  }

  async findByDocName(docName: string): Promise<Commitment | null> {
    assertKey(docName, 'docName');
    return commitmentOrNull(this.selectByDocName.get(docName));
  }

  async listByConsultation(consultationId: string): Promise<Commitment[]> {
    assertKey(consultationId, 'consultationId');
    return this.selectByConsultation.all(consultationId).map(commitmentFromRow);
  }

  async maxNumber(consultationId: string): Promise<number> {
    assertKey(consultationId, 'consultationId');
    return this.selectMaxNumber.get(consultationId) ?? 0;
  }

  async update(id: string, patch: CommitmentPatch): Promise<Commitment | null> {
    assertKey(id, 'id');
    assertCommitmentPatch(patch);
    return commitmentOrNull(this.patchCommitment.immediate(id, patch) ?? undefined);
  }

  async updateReadModel(id: string, readModel: CommitmentReadModel): Promise<void> {
    assertKey(id, 'id');
    assertReadModel(readModel);
    this.writeReadModel.run(toJsonColumn(readModel), id);
  }

  async delete(id: string): Promise<boolean> {
    assertKey(id, 'id');
    return this.deleteCommitment.run(id).changes > 0;
  }
}

function applyCommitmentPatch(row: CommitmentRow, patch: CommitmentPatch): CommitmentRow {
  return {
    ...row,
    title: patch.title ?? row.title,
    theme_json: patch.theme ? toJsonColumn(themeRecord(patch.theme)) : row.theme_json,
    lead_organisation_ids_json: patch.leadOrganisationIds
      ? toJsonColumn(patch.leadOrganisationIds)
      : row.lead_organisation_ids_json,
    partner_organisation_ids_json: patch.partnerOrganisationIds
      ? toJsonColumn(patch.partnerOrganisationIds)
      : row.partner_organisation_ids_json,
    status: patch.status ?? row.status,
    locked: patch.locked === undefined ? row.locked : toFlag(patch.locked),
    updated_at: patch.updatedAt,
  };
}

function commitmentFromRow(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    number: row.number,
    title: row.title,
    theme: fromJsonColumn<Commitment['theme']>(row.theme_json),
    leadOrganisationIds: fromJsonColumn<string[]>(row.lead_organisation_ids_json),
    partnerOrganisationIds: fromJsonColumn<string[]>(row.partner_organisation_ids_json),
    status: row.status as CommitmentStatus,
    locked: row.locked === 1,
    docName: row.doc_name,
    readModel: fromJsonColumn<CommitmentReadModel>(row.read_model_json),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function commitmentOrNull(row: CommitmentRow | undefined): Commitment | null {
  return row ? commitmentFromRow(row) : null;
}
