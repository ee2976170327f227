/**
 * Token bucket: `ratePerSecond` tokens refill continuously up to `burst`. Used per connection
 * for messages, bytes and awareness, so a flood is cut off while a fast typist never is.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    nowMs: number = performance.now(),
  ) {
    this.tokens = burst;
    this.lastRefillMs = nowMs;
  }

  /** Takes `cost` tokens if available; returns false (taking nothing) when the bucket is short. */
  tryTake(cost: number, nowMs: number = performance.now()): boolean {
    const elapsedMs = nowMs - this.lastRefillMs;
    if (elapsedMs > 0) {
      this.tokens = Math.min(this.burst, this.tokens + (elapsedMs * this.ratePerSecond) / 1000);
      this.lastRefillMs = nowMs;
    }
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
