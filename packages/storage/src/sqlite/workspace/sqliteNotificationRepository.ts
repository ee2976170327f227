import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { Notification, NotificationKind } from '@atelier/domain';
import { assertCount, assertInstant, assertKey } from '../../workspace/argumentGuards';
import {
  assertNotification,
  notificationFields,
  notificationFromFields,
} from '../../workspace/notificationRecord';
import type { NotificationRepository } from '../../workspace/workspaceStore';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface NotificationRow {
  readonly id: string;
  readonly user_id: string;
  readonly kind: string;
  readonly consultation_id: string;
  readonly subject_id: string;
  readonly commitment_id: string | null;
  readonly thread_id: string | null;
  readonly actor_id: string | null;
  readonly actor_name: string | null;
  readonly title: string;
  readonly excerpt: string | null;
  readonly closes_at: string | null;
  readonly created_at: string;
  readonly read_at: string | null;
}

const NOTIFICATION_CONSTRAINTS = { 'notifications.id': 'primary_key' } as const;

export class SqliteNotificationRepository implements NotificationRepository {
  private readonly insertIfNew: Statement<[NotificationRow]>;
  private readonly insertAll: Transaction<(rows: readonly NotificationRow[]) => boolean[]>;
  private readonly selectNewestByUser: Statement<[string, number], NotificationRow>;
  private readonly selectUnreadCount: Statement<[string], number>;
  private readonly markOne: Statement<[string, string, string]>;
  private readonly selectOwned: Statement<[string, string], NotificationRow>;
  private readonly markAll: Statement<[string, string]>;

  constructor(db: Database) {
    // Only the idempotence key is ignored: a duplicate id still fails, as a caller bug should.
    this.insertIfNew = db.prepare(`
      INSERT INTO notifications (id, user_id, kind, consultation_id, subject_id, commitment_id,
        thread_id, actor_id, actor_name, title, excerpt, closes_at, created_at, read_at)
      VALUES (@id, @user_id, @kind, @consultation_id, @subject_id, @commitment_id, @thread_id,
        @actor_id, @actor_name, @title, @excerpt, @closes_at, @created_at, @read_at)
      ON CONFLICT (user_id, kind, subject_id) DO NOTHING
    `);
    // One transaction: a batch is stored whole or not at all.
    this.insertAll = db.transaction((rows: readonly NotificationRow[]) =>
      rows.map((row) => this.insertIfNew.run(row).changes > 0),
    );
    this.selectNewestByUser = db.prepare(`
      SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
    `);
    this.selectUnreadCount = db
      .prepare<[string], number>(
        'SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL',
      )
      .pluck();
    this.markOne = db.prepare(
      'UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL',
    );
    this.selectOwned = db.prepare('SELECT * FROM notifications WHERE user_id = ? AND id = ?');
    this.markAll = db.prepare(
      'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
    );
  }

  async createMany(notifications: readonly Notification[]): Promise<Notification[]> {
    if (!Array.isArray(notifications)) throw new TypeError('notifications must be an array');
    notifications.forEach(assertNotification);
    const rows = notifications.map(rowOf);
    const stored = withUniqueConstraints(NOTIFICATION_CONSTRAINTS, () => this.insertAll(rows));
    return rows.filter((_, index) => stored[index]).map(fromRow);
  }

  async listByUser(userId: string, limit: number): Promise<Notification[]> {
    assertKey(userId, 'userId');
    assertCount(limit, 'limit');
    return this.selectNewestByUser.all(userId, limit).map(fromRow);
  }

  async countUnread(userId: string): Promise<number> {
    assertKey(userId, 'userId');
    return this.selectUnreadCount.get(userId) ?? 0;
  }

  async markRead(userId: string, id: string, readAt: string): Promise<Notification | null> {
    assertKey(userId, 'userId');
    assertKey(id, 'id');
    assertInstant(readAt, 'readAt');
    this.markOne.run(readAt, userId, id);
    const row = this.selectOwned.get(userId, id);
    return row ? fromRow(row) : null;
  }

  async markAllRead(userId: string, readAt: string): Promise<number> {
    assertKey(userId, 'userId');
    assertInstant(readAt, 'readAt');
    return this.markAll.run(readAt, userId).changes;
  }
}

function rowOf(notification: Notification): NotificationRow {
  const fields = notificationFields(notification);
  return {
    id: fields.id,
    user_id: fields.userId,
    kind: fields.kind,
    consultation_id: fields.consultationId,
    subject_id: fields.subjectId,
    commitment_id: fields.commitmentId,
    thread_id: fields.threadId,
    actor_id: fields.actorId,
    actor_name: fields.actorName,
    title: fields.title,
    excerpt: fields.excerpt,
    closes_at: fields.closesAt,
    created_at: fields.createdAt,
    read_at: fields.readAt,
  };
}

function fromRow(row: NotificationRow): Notification {
  return notificationFromFields({
    id: row.id,
    userId: row.user_id,
    kind: row.kind as NotificationKind,
    consultationId: row.consultation_id,
    subjectId: row.subject_id,
    commitmentId: row.commitment_id,
    threadId: row.thread_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    title: row.title,
    excerpt: row.excerpt,
    closesAt: row.closes_at,
    createdAt: row.created_at,
    readAt: row.read_at,
  });
}
