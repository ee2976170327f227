import type { AnyBulkWriteOperation } from 'mongodb';
import type { Notification } from '@atelier/domain';
import { assertCount, assertInstant, assertKey } from '../../workspace/argumentGuards';
import {
  assertNotification,
  notificationFields,
  notificationFromFields,
} from '../../workspace/notificationRecord';
import type { NotificationRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { NotificationRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoNotificationRepository implements NotificationRepository {
  constructor(
    private readonly notifications: WorkspaceCollections['notifications'],
    private readonly connection: ConnectionState,
  ) {}

  /**
   * One upsert per notification on the key (userId, kind, subjectId), inserting only when the
   * key is new: a second run, or a second server, finds the record and leaves it alone, and an
   * upsert that loses a race on the unique index is retried by the server as a match. Unlike
   * SQLite the batch is not atomic: after a failure some may be stored, and running it again
   * stores the rest once.
   */
  async createMany(notifications: readonly Notification[]): Promise<Notification[]> {
    this.connection.assertOpen();
    if (!Array.isArray(notifications)) throw new TypeError('notifications must be an array');
    notifications.forEach(assertNotification);
    if (notifications.length === 0) return [];
    const records = notifications.map(recordOf);
    const operations: AnyBulkWriteOperation<NotificationRecord>[] = records.map((record) => {
      const { userId, kind, subjectId, ...rest } = record;
      return {
        updateOne: {
          filter: { userId, kind, subjectId },
          update: { $setOnInsert: rest },
          upsert: true,
        },
      };
    });
    const result = await withUniqueConstraints(() =>
      this.notifications.bulkWrite(operations, { ordered: true }),
    );
    const inserted = new Set(Object.keys(result.upsertedIds).map(Number));
    return records.filter((_, index) => inserted.has(index)).map(fromRecord);
  }

  async listByUser(userId: string, limit: number): Promise<Notification[]> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    assertCount(limit, 'limit');
    // MongoDB reads limit(0) as "no limit".
    if (limit === 0) return [];
    const records = await this.notifications
      .find({ userId })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return records.map(fromRecord);
  }

  async countUnread(userId: string): Promise<number> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    return this.notifications.countDocuments({ userId, readAt: null });
  }

  async markRead(userId: string, id: string, readAt: string): Promise<Notification | null> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    assertKey(id, 'id');
    assertInstant(readAt, 'readAt');
    const updated = await this.notifications.findOneAndUpdate(
      { _id: id, userId, readAt: null },
      { $set: { readAt } },
      { returnDocument: 'after' },
    );
    if (updated) return fromRecord(updated);
    // Already read (keep the first date), someone else's, or unknown.
    const existing = await this.notifications.findOne({ _id: id, userId });
    return existing ? fromRecord(existing) : null;
  }

  async markAllRead(userId: string, readAt: string): Promise<number> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    assertInstant(readAt, 'readAt');
    const result = await this.notifications.updateMany(
      { userId, readAt: null },
      { $set: { readAt } },
    );
    return result.modifiedCount;
  }
}

function recordOf(notification: Notification): NotificationRecord {
  const { id, ...fields } = notificationFields(notification);
  return { _id: id, ...fields };
}

function fromRecord(record: NotificationRecord): Notification {
  return notificationFromFields({
    id: record._id,
    userId: record.userId,
    kind: record.kind,
    consultationId: record.consultationId,
    subjectId: record.subjectId,
    commitmentId: record.commitmentId,
    threadId: record.threadId,
    actorId: record.actorId,
    actorName: record.actorName,
    title: record.title,
    excerpt: record.excerpt,
    closesAt: record.closesAt,
    createdAt: record.createdAt,
    readAt: record.readAt,
  });
}
