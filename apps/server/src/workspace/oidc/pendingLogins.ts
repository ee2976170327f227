import type { OidcProviderId } from './oidcProviderConfig';

/** Long enough to pick an identity provider and type a password; short enough to bound replay. */
export const PENDING_LOGIN_TTL_MS = 10 * 60_000;
/** Each pending login is a few hundred bytes: 10,000 of them stay under a few MiB. */
export const MAX_PENDING_LOGINS = 10_000;

/** A sign-in sent to a provider and not yet back, keyed by its `state`. */
export interface PendingLogin {
  readonly providerId: OidcProviderId;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** SHA-256 of the browser-binding cookie the login was started with. */
  readonly browserBindingHash: string;
  readonly returnTo: string;
  readonly createdAtMs: number;
}

/**
 * Pending logins, in memory: one server process serves a deployment, and a restart only asks
 * people who were mid-sign-in to click again. Each entry can be taken once (a replayed callback
 * finds nothing), expires after the TTL, and the oldest are dropped past the size bound.
 */
export class PendingLogins {
  // A Map iterates in insertion order, so the first entries are the oldest.
  private readonly byState = new Map<string, PendingLogin>();

  constructor(
    private readonly ttlMs: number = PENDING_LOGIN_TTL_MS,
    private readonly maxEntries: number = MAX_PENDING_LOGINS,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get size(): number {
    return this.byState.size;
  }

  put(state: string, login: PendingLogin): void {
    this.dropExpired();
    this.byState.set(state, login);
    while (this.byState.size > this.maxEntries) {
      const oldest = this.byState.keys().next().value;
      if (oldest === undefined) break;
      this.byState.delete(oldest);
    }
  }

  /** Removes and returns the login for this state, or null when unknown, already taken or expired. */
  take(state: string): PendingLogin | null {
    const login = this.byState.get(state);
    if (!login) return null;
    this.byState.delete(state);
    return this.isExpired(login) ? null : login;
  }

  private isExpired(login: PendingLogin): boolean {
    return login.createdAtMs + this.ttlMs <= this.nowMs();
  }

  private dropExpired(): void {
    for (const [state, login] of this.byState) {
      if (!this.isExpired(login)) break; // insertion order is creation order
      this.byState.delete(state);
    }
  }
}
