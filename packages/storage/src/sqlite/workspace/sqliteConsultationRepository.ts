import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { Consultation, ConsultationStatus, ConsultationVisibility } from '@atelier/domain';
import { assertKey } from '../../workspace/argumentGuards';
import {
  assertConsultation,
  assertConsultationPatch,
} from '../../workspace/validateWorkspaceRecords';
import type { ConsultationPatch, ConsultationRepository } from '../../workspace/workspaceStore';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface ConsultationRow {
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly starts_on: string | null;
  readonly ends_on: string | null;
  readonly status: string;
  readonly visibility: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const CONSULTATION_CONSTRAINTS = {
  'consultations.id': 'primary_key',
  'consultations.slug': 'consultation_slug',
} as const;

export class SqliteConsultationRepository implements ConsultationRepository {
  private readonly insertConsultation: Statement<[ConsultationRow]>;
  private readonly selectById: Statement<[string], ConsultationRow>;
  private readonly selectBySlug: Statement<[string], ConsultationRow>;
  private readonly selectNewestFirst: Statement<[], ConsultationRow>;
  private readonly writeConsultationRow: Statement<[ConsultationRow]>;
  private readonly patchConsultation: Transaction<
    (id: string, patch: ConsultationPatch) => ConsultationRow | null
  >;

  constructor(db: Database) {
    this.insertConsultation = db.prepare(`
      INSERT INTO consultations (id, title, slug, description, starts_on, ends_on, status,
                                 visibility, created_at, updated_at)
      VALUES (@id, @title, @slug, @description, @starts_on, @ends_on, @status,
              @visibility, @created_at, @updated_at)
    `);
    this.selectById = db.prepare('SELECT * FROM consultations WHERE id = ?');
    this.selectBySlug = db.prepare('SELECT * FROM consultations WHERE slug = ?');
    this.selectNewestFirst = db.prepare(
      'SELECT * FROM consultations ORDER BY created_at DESC, id DESC',
    );
    this.writeConsultationRow = db.prepare(`
      UPDATE consultations SET title = @title, description = @description,
        starts_on = @starts_on, ends_on = @ends_on, status = @status,
        visibility = @visibility, updated_at = @updated_at
      WHERE id = @id
    `);
    this.patchConsultation = db.transaction((id: string, patch: ConsultationPatch) => {
      const row = this.selectById.get(id);
      if (!row) return null;
      const updated = applyConsultationPatch(row, patch);
      this.writeConsultationRow.run(updated);
      return updated;
    });
  }

  async create(consultation: Consultation): Promise<void> {
    assertConsultation(consultation);
    const row: ConsultationRow = {
      id: consultation.id,
      title: consultation.title,
      slug: consultation.slug,
      description: consultation.description,
      starts_on: consultation.startsOn,
      ends_on: consultation.endsOn,
      status: consultation.status,
      visibility: consultation.visibility,
      created_at: consultation.createdAt,
      updated_at: consultation.updatedAt,
    };
    withUniqueConstraints(CONSULTATION_CONSTRAINTS, () => this.insertConsultation.run(row));
  }

  async findById(id: string): Promise<Consultation | null> {
    assertKey(id, 'id');
    return consultationOrNull(this.selectById.get(id));
  }

  async findBySlug(slug: string): Promise<Consultation | null> {
    assertKey(slug, 'slug');
    return consultationOrNull(this.selectBySlug.get(slug));
  }

  async list(): Promise<Consultation[]> {
    return this.selectNewestFirst.all().map(consultationFromRow);
  }

  async update(id: string, patch: ConsultationPatch): Promise<Consultation | null> {
    assertKey(id, 'id');
    assertConsultationPatch(patch);
    return consultationOrNull(this.patchConsultation.immediate(id, patch) ?? undefined);
  }
}

function applyConsultationPatch(row: ConsultationRow, patch: ConsultationPatch): ConsultationRow {
  return {
    ...row,
    title: patch.title ?? row.title,
    description: patch.description ?? row.description,
    starts_on: patch.startsOn === undefined ? row.starts_on : patch.startsOn,
    ends_on: patch.endsOn === undefined ? row.ends_on : patch.endsOn,
    status: patch.status ?? row.status,
    visibility: patch.visibility ?? row.visibility,
    updated_at: patch.updatedAt,
  };
}

function consultationFromRow(row: ConsultationRow): Consultation {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status as ConsultationStatus,
    visibility: row.visibility as ConsultationVisibility,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function consultationOrNull(row: ConsultationRow | undefined): Consultation | null {
  return row ? consultationFromRow(row) : null;
}
