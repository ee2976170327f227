import type { ModerationLogEntry } from '@atelier/domain';
import { assertCount, assertKey } from '../../workspace/argumentGuards';
import { assertModerationLogEntry } from '../../workspace/validateCommentRecords';
import type { ModerationLogRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { ModerationLogRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoModerationLogRepository implements ModerationLogRepository {
  constructor(
    private readonly log: WorkspaceCollections['moderationLog'],
    private readonly connection: ConnectionState,
  ) {}

  async append(entry: ModerationLogEntry): Promise<void> {
    this.connection.assertOpen();
    assertModerationLogEntry(entry);
    const record: ModerationLogRecord = {
      _id: entry.id,
      consultationId: entry.consultationId,
      action: entry.action,
      target: entry.target,
      reason: entry.reason,
      moderatorRole: entry.moderatorRole,
      at: entry.at,
    };
    await withUniqueConstraints(() => this.log.insertOne(record));
  }

  async listByConsultation(consultationId: string, limit: number): Promise<ModerationLogEntry[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertCount(limit, 'limit');
    // MongoDB reads limit(0) as "no limit".
    if (limit === 0) return [];
    const records = await this.log
      .find({ consultationId })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return records.map((record) => ({
      id: record._id,
      consultationId: record.consultationId,
      action: record.action,
      target: record.target,
      reason: record.reason,
      moderatorRole: record.moderatorRole,
      at: record.at,
    }));
  }
}
