import type { Consultation } from '@atelier/domain';
import type { MatchKeysAndValues } from 'mongodb';
import { assertKey } from '../../workspace/argumentGuards';
import {
  assertConsultation,
  assertConsultationPatch,
} from '../../workspace/validateWorkspaceRecords';
import type { ConsultationPatch, ConsultationRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { ConsultationRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoConsultationRepository implements ConsultationRepository {
  constructor(
    private readonly consultations: WorkspaceCollections['consultations'],
    private readonly connection: ConnectionState,
  ) {}

  async create(consultation: Consultation): Promise<void> {
    this.connection.assertOpen();
    assertConsultation(consultation);
    const record: ConsultationRecord = {
      _id: consultation.id,
      title: consultation.title,
      slug: consultation.slug,
      description: consultation.description,
      startsOn: consultation.startsOn,
      endsOn: consultation.endsOn,
      status: consultation.status,
      visibility: consultation.visibility,
      createdAt: consultation.createdAt,
      updatedAt: consultation.updatedAt,
    };
    await withUniqueConstraints(() => this.consultations.insertOne(record));
  }

  async findById(id: string): Promise<Consultation | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    return consultationOrNull(await this.consultations.findOne({ _id: id }));
  }

  async findBySlug(slug: string): Promise<Consultation | null> {
    this.connection.assertOpen();
    assertKey(slug, 'slug');
    return consultationOrNull(await this.consultations.findOne({ slug }));
  }

  async list(): Promise<Consultation[]> {
    this.connection.assertOpen();
    const records = await this.consultations.find({}).sort({ createdAt: -1, _id: -1 }).toArray();
    return records.map(consultationFromRecord);
  }

  async update(id: string, patch: ConsultationPatch): Promise<Consultation | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertConsultationPatch(patch);
    const updated = await this.consultations.findOneAndUpdate(
      { _id: id },
      { $set: consultationChanges(patch) },
      { returnDocument: 'after' },
    );
    return consultationOrNull(updated);
  }
}

/** Only the fields the patch sets; `undefined` means "leave as is", null is a value. */
function consultationChanges(patch: ConsultationPatch): MatchKeysAndValues<ConsultationRecord> {
  const changes: Partial<Record<keyof ConsultationRecord, unknown>> = {
    updatedAt: patch.updatedAt,
  };
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.startsOn !== undefined) changes.startsOn = patch.startsOn;
  if (patch.endsOn !== undefined) changes.endsOn = patch.endsOn;
  if (patch.visibility !== undefined) changes.visibility = patch.visibility;
  if (patch.status !== undefined) changes.status = patch.status;
  return changes as MatchKeysAndValues<ConsultationRecord>;
}

function consultationFromRecord(record: ConsultationRecord): Consultation {
  return {
    id: record._id,
    title: record.title,
    slug: record.slug,
    description: record.description,
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    status: record.status,
    visibility: record.visibility,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function consultationOrNull(record: ConsultationRecord | null): Consultation | null {
  return record ? consultationFromRecord(record) : null;
}
