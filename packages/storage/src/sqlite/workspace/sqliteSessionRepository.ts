import type { Database, Statement } from 'better-sqlite3';
import type { AuthSession } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertSession } from '../../workspace/validateWorkspaceRecords';
import type { SessionRepository } from '../../workspace/workspaceStore';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface SessionRow {
  readonly id_hash: string;
  readonly user_id: string;
  readonly created_at: string;
  readonly last_seen_at: string;
  readonly expires_at: string;
}

const SESSION_CONSTRAINTS = { 'sessions.id_hash': 'primary_key' } as const;

export class SqliteSessionRepository implements SessionRepository {
  private readonly insertSession: Statement<[SessionRow]>;
  private readonly selectByIdHash: Statement<[string], SessionRow>;
  private readonly advanceLastSeen: Statement<[string, string]>;
  private readonly deleteByIdHash: Statement<[string]>;
  private readonly deleteByUserId: Statement<[string]>;
  private readonly deleteEnded: Statement<[string, string]>;

  constructor(db: Database) {
    this.insertSession = db.prepare(`
      INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
      VALUES (@id_hash, @user_id, @created_at, @last_seen_at, @expires_at)
    `);
    this.selectByIdHash = db.prepare('SELECT * FROM sessions WHERE id_hash = ?');
    // max(): a slow request finishing after a later one must not make the session look idler.
    this.advanceLastSeen = db.prepare(
      'UPDATE sessions SET last_seen_at = max(last_seen_at, ?) WHERE id_hash = ?',
    );
    this.deleteByIdHash = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    this.deleteByUserId = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.deleteEnded = db.prepare(
      'DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?',
    );
  }

  async create(session: AuthSession): Promise<void> {
    assertSession(session);
    const row: SessionRow = {
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
    };
    withUniqueConstraints(SESSION_CONSTRAINTS, () => this.insertSession.run(row));
  }

  async findByIdHash(idHash: string): Promise<AuthSession | null> {
    assertKey(idHash, 'idHash');
    const row = this.selectByIdHash.get(idHash);
    return row
      ? {
          idHash: row.id_hash,
          userId: row.user_id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        }
      : null;
  }

  async touch(idHash: string, lastSeenAt: string): Promise<void> {
    assertKey(idHash, 'idHash');
    assertInstant(lastSeenAt, 'lastSeenAt');
    this.advanceLastSeen.run(lastSeenAt, idHash);
  }

  async delete(idHash: string): Promise<void> {
    assertKey(idHash, 'idHash');
    this.deleteByIdHash.run(idHash);
  }

  async deleteByUser(userId: string): Promise<number> {
    assertKey(userId, 'userId');
    return this.deleteByUserId.run(userId).changes;
  }

  async deleteExpired(now: string, idleCutoff: string): Promise<number> {
    assertInstant(now, 'now');
    assertInstant(idleCutoff, 'idleCutoff');
    return this.deleteEnded.run(now, idleCutoff).changes;
  }
}
