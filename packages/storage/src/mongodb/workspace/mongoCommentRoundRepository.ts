import type { CommentRound } from '@atelier/domain';
import type { MatchKeysAndValues } from 'mongodb';
import { assertKey } from '../../workspace/argumentGuards';
import {
  assertCommentRound,
  assertCommentRoundPatch,
} from '../../workspace/validateCommentRecords';
import type { CommentRoundPatch, CommentRoundRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { CommentRoundRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoCommentRoundRepository implements CommentRoundRepository {
  constructor(
    private readonly rounds: WorkspaceCollections['commentRounds'],
    private readonly connection: ConnectionState,
  ) {}

  async create(round: CommentRound): Promise<void> {
    this.connection.assertOpen();
    assertCommentRound(round);
    const record: CommentRoundRecord = {
      _id: round.id,
      consultationId: round.consultationId,
      title: round.title,
      instructions: round.instructions,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      audience: round.audience,
      commitmentIds: [...round.commitmentIds],
      createdBy: round.createdBy,
      createdAt: round.createdAt,
    };
    await withUniqueConstraints(() => this.rounds.insertOne(record));
  }

  async findById(id: string): Promise<CommentRound | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    const record = await this.rounds.findOne({ _id: id });
    return record ? roundFromRecord(record) : null;
  }

  async listByConsultation(consultationId: string): Promise<CommentRound[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const records = await this.rounds
      .find({ consultationId })
      .sort({ opensAt: 1, _id: 1 })
      .toArray();
    return records.map(roundFromRecord);
  }

  async update(id: string, patch: CommentRoundPatch): Promise<CommentRound | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertCommentRoundPatch(patch);
    const changes: Partial<Record<keyof CommentRoundRecord, unknown>> = {};
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.instructions !== undefined) changes.instructions = patch.instructions;
    if (patch.opensAt !== undefined) changes.opensAt = patch.opensAt;
    if (patch.closesAt !== undefined) changes.closesAt = patch.closesAt;
    if (patch.audience !== undefined) changes.audience = patch.audience;
    if (patch.commitmentIds !== undefined) changes.commitmentIds = [...patch.commitmentIds];
    // An empty $set is an error for MongoDB; an empty patch is a read.
    if (Object.keys(changes).length === 0) return this.findById(id);
    const updated = await this.rounds.findOneAndUpdate(
      { _id: id },
      { $set: changes as MatchKeysAndValues<CommentRoundRecord> },
      { returnDocument: 'after' },
    );
    return updated ? roundFromRecord(updated) : null;
  }
}

function roundFromRecord(record: CommentRoundRecord): CommentRound {
  return {
    id: record._id,
    consultationId: record.consultationId,
    title: record.title,
    instructions: record.instructions,
    opensAt: record.opensAt,
    closesAt: record.closesAt,
    audience: record.audience,
    commitmentIds: [...record.commitmentIds],
    createdBy: record.createdBy,
    createdAt: record.createdAt,
  };
}
