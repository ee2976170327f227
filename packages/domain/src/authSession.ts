/** A signed-in browser. The cookie holds a random id; the store keeps only its SHA-256. */
export interface AuthSession {
  readonly idHash: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end, whatever the activity. */
  readonly expiresAt: string;
}
