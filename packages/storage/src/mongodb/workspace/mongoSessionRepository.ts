import type { AuthSession } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertSession } from '../../workspace/validateWorkspaceRecords';
import type { SessionRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { SessionRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoSessionRepository implements SessionRepository {
  constructor(
    private readonly sessions: WorkspaceCollections['sessions'],
    private readonly connection: ConnectionState,
  ) {}

  async create(session: AuthSession): Promise<void> {
    this.connection.assertOpen();
    assertSession(session);
    const record: SessionRecord = {
      _id: session.idHash,
      userId: session.userId,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
    };
    await withUniqueConstraints(() => this.sessions.insertOne(record));
  }

  async findByIdHash(idHash: string): Promise<AuthSession | null> {
    this.connection.assertOpen();
    assertKey(idHash, 'idHash');
    const record = await this.sessions.findOne({ _id: idHash });
    return record
      ? {
          idHash: record._id,
          userId: record.userId,
          createdAt: record.createdAt,
          lastSeenAt: record.lastSeenAt,
          expiresAt: record.expiresAt,
        }
      : null;
  }

  async touch(idHash: string, lastSeenAt: string): Promise<void> {
    this.connection.assertOpen();
    assertKey(idHash, 'idHash');
    assertInstant(lastSeenAt, 'lastSeenAt');
    // $max: a slow request finishing after a later one must not make the session look idler.
    await this.sessions.updateOne({ _id: idHash }, { $max: { lastSeenAt } });
  }

  async delete(idHash: string): Promise<void> {
    this.connection.assertOpen();
    assertKey(idHash, 'idHash');
    await this.sessions.deleteOne({ _id: idHash });
  }

  async deleteByUser(userId: string): Promise<number> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    const result = await this.sessions.deleteMany({ userId });
    return result.deletedCount;
  }

  async deleteExpired(now: string, idleCutoff: string): Promise<number> {
    this.connection.assertOpen();
    assertInstant(now, 'now');
    assertInstant(idleCutoff, 'idleCutoff');
    const result = await this.sessions.deleteMany({
      $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleCutoff } }],
    });
    return result.deletedCount;
  }
}
