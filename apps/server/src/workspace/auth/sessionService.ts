import { createHash, randomBytes } from 'node:crypto';
import type { User } from '@atelier/domain';
import type { WorkspaceStore } from '@atelier/storage';

export interface SessionTimeouts {
  /** A session unused for this long ends. */
  readonly idleMs: number;
  /** A session ends this long after sign-in, whatever the activity. */
  readonly absoluteMs: number;
}

/** Writing `lastSeenAt` on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;
const TOKEN_BYTES = 32;

export interface ResolvedSession {
  readonly user: User;
  readonly idHash: string;
}

/**
 * Server-side sessions in the same store as everything else. The browser holds a random token;
 * the store keeps only its SHA-256, so a copy of the database cannot be replayed as cookies.
 */
export class SessionService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly timeouts: SessionTimeouts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new session (and a new id: never reuse one from before sign-in). Returns the cookie token. */
  async start(userId: string): Promise<string> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const now = this.now();
    await this.store.sessions.create({
      idHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.timeouts.absoluteMs).toISOString(),
    });
    return token;
  }

  async resolve(token: string): Promise<ResolvedSession | null> {
    if (token.length === 0 || token.length > 100) return null;
    const idHash = hashToken(token);
    const session = await this.store.sessions.findByIdHash(idHash);
    if (!session) return null;
    const nowMs = this.now().getTime();
    const lastSeenMs = Date.parse(session.lastSeenAt);
    if (Date.parse(session.expiresAt) <= nowMs || lastSeenMs + this.timeouts.idleMs <= nowMs) {
      await this.store.sessions.delete(idHash);
      return null;
    }
    const user = await this.store.users.findById(session.userId);
    if (!user || user.disabled) {
      await this.store.sessions.delete(idHash);
      return null;
    }
    if (nowMs - lastSeenMs > TOUCH_INTERVAL_MS)
      await this.store.sessions.touch(idHash, new Date(nowMs).toISOString());
    return { user, idHash };
  }

  async end(token: string): Promise<void> {
    await this.store.sessions.delete(hashToken(token));
  }

  async endAllFor(userId: string): Promise<number> {
    return this.store.sessions.deleteByUser(userId);
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
