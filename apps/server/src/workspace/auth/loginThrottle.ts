/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one key (an email, or a
 * client address) within the window, further attempts are refused until the window has passed.
 * In memory: one server process serves a deployment, and a restart only resets the count.
 */
const MAX_TRACKED_KEYS = 50_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; firstAtMs: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
  retryAfterSeconds(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.count < this.maxFailures) return 0;
    return Math.ceil((entry.firstAtMs + this.windowMs - this.nowMs()) / 1000);
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
    if (entry) entry.count += 1;
    else this.failures.set(key, { count: 1, firstAtMs: this.nowMs() });
    if (this.failures.size > MAX_TRACKED_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && entry.firstAtMs + this.windowMs <= this.nowMs()) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
