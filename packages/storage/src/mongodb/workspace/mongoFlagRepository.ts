import type { Flag } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertFlag } from '../../workspace/validateCommentRecords';
import type { FlagRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { FlagRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoFlagRepository implements FlagRepository {
  constructor(
    private readonly flags: WorkspaceCollections['flags'],
    private readonly connection: ConnectionState,
  ) {}

  async create(flag: Flag): Promise<void> {
    this.connection.assertOpen();
    assertFlag(flag);
    const record: FlagRecord = {
      _id: flag.id,
      consultationId: flag.consultationId,
      commentId: flag.commentId,
      flaggedBy: flag.flaggedBy,
      reason: flag.reason,
      createdAt: flag.createdAt,
      handledAt: flag.handledAt,
    };
    await withUniqueConstraints(() => this.flags.insertOne(record));
  }

  async findById(id: string): Promise<Flag | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    const record = await this.flags.findOne({ _id: id });
    return record ? flagFromRecord(record) : null;
  }

  async listOpenByConsultation(consultationId: string): Promise<Flag[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const records = await this.flags
      .find({ consultationId, handledAt: null })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return records.map(flagFromRecord);
  }

  async markHandled(id: string, handledAt: string): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertInstant(handledAt, 'handledAt');
    const result = await this.flags.updateOne(
      { _id: id, handledAt: null },
      { $set: { handledAt } },
    );
    return result.modifiedCount > 0;
  }

  async markHandledByComment(commentId: string, handledAt: string): Promise<number> {
    this.connection.assertOpen();
    assertKey(commentId, 'commentId');
    assertInstant(handledAt, 'handledAt');
    const result = await this.flags.updateMany(
      { commentId, handledAt: null },
      { $set: { handledAt } },
    );
    return result.modifiedCount;
  }
}

function flagFromRecord(record: FlagRecord): Flag {
  return {
    id: record._id,
    consultationId: record.consultationId,
    commentId: record.commentId,
    flaggedBy: record.flaggedBy,
    reason: record.reason,
    createdAt: record.createdAt,
    handledAt: record.handledAt,
  };
}
