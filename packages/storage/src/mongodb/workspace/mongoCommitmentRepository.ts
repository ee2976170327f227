import type { Commitment, CommitmentReadModel } from '@atelier/domain';
import type { MatchKeysAndValues } from 'mongodb';
import { assertKey } from '../../workspace/argumentGuards';
import { themeRecord } from '../../workspace/themeRecord';
import {
  assertCommitment,
  assertCommitmentPatch,
  assertReadModel,
} from '../../workspace/validateWorkspaceRecords';
import type { CommitmentPatch, CommitmentRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { CommitmentRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoCommitmentRepository implements CommitmentRepository {
  constructor(
    private readonly commitments: WorkspaceCollections['commitments'],
    private readonly connection: ConnectionState,
  ) {}

  async create(commitment: Commitment): Promise<void> {
    this.connection.assertOpen();
    assertCommitment(commitment);
    const record: CommitmentRecord = {
      _id: commitment.id,
      consultationId: commitment.consultationId,
      number: commitment.number,
      title: commitment.title,
      theme: themeRecord(commitment.theme),
      leadOrganisationIds: [...commitment.leadOrganisationIds],
      partnerOrganisationIds: [...commitment.partnerOrganisationIds],
      status: commitment.status,
      locked: commitment.locked,
      docName: commitment.docName,
      readModel: asStoredJson(commitment.readModel),
      createdAt: commitment.createdAt,
      updatedAt: commitment.updatedAt,
    };
    await withUniqueConstraints(() => this.commitments.insertOne(record));
  }

  async findById(id: string): Promise<Commitment | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    return commitmentOrNull(await this.commitments.findOne({ _id: id }));
  }

  async findByDocName(docName: string): Promise<Commitment | null> {
    this.connection.assertOpen();
    assertKey(docName, 'docName');
    return commitmentOrNull(await this.commitments.findOne({ docName }));
  }

  async listByConsultation(consultationId: string): Promise<Commitment[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const records = await this.commitments.find({ consultationId }).sort({ number: 1 }).toArray();
    return records.map(commitmentFromRecord);
  }

  async maxNumber(consultationId: string): Promise<number> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const highest = await this.commitments.findOne(
      { consultationId },
      { sort: { number: -1 }, projection: { _id: 0, number: 1 } },
    );
    return highest?.number ?? 0;
  }

  async update(id: string, patch: CommitmentPatch): Promise<Commitment | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertCommitmentPatch(patch);
    const updated = await this.commitments.findOneAndUpdate(
      { _id: id },
      { $set: commitmentChanges(patch) },
      { returnDocument: 'after' },
    );
    return commitmentOrNull(updated);
  }

  async updateReadModel(id: string, readModel: CommitmentReadModel): Promise<void> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertReadModel(readModel);
    await this.commitments.updateOne({ _id: id }, { $set: { readModel: asStoredJson(readModel) } });
  }

  async delete(id: string): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    const result = await this.commitments.deleteOne({ _id: id });
    return result.deletedCount > 0;
  }
}

/**
 * The read model exactly as SQLite's JSON column keeps it: `undefined` members dropped (the
 * driver would store them as null), nothing but JSON values. Both adapters then return the
 * same object for the same input.
 */
function asStoredJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Only the fields the patch sets; `undefined` means "leave as is". */
function commitmentChanges(patch: CommitmentPatch): MatchKeysAndValues<CommitmentRecord> {
  const changes: Partial<Record<keyof CommitmentRecord, unknown>> = {
    updatedAt: patch.updatedAt,
  };
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.theme !== undefined) changes.theme = themeRecord(patch.theme);
  if (patch.leadOrganisationIds !== undefined) {
    changes.leadOrganisationIds = [...patch.leadOrganisationIds];
  }
  if (patch.partnerOrganisationIds !== undefined) {
    changes.partnerOrganisationIds = [...patch.partnerOrganisationIds];
  }
  if (patch.status !== undefined) changes.status = patch.status;
  if (patch.locked !== undefined) changes.locked = patch.locked;
  return changes as MatchKeysAndValues<CommitmentRecord>;
}

function commitmentFromRecord(record: CommitmentRecord): Commitment {
  return {
    id: record._id,
    consultationId: record.consultationId,
    number: record.number,
    title: record.title,
    theme: themeRecord(record.theme),
    leadOrganisationIds: [...record.leadOrganisationIds],
    partnerOrganisationIds: [...record.partnerOrganisationIds],
    status: record.status,
    locked: record.locked,
    docName: record.docName,
    readModel: record.readModel,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function commitmentOrNull(record: CommitmentRecord | null): Commitment | null {
  return record ? commitmentFromRecord(record) : null;
}
