/**
 * When to try again after losing the server. The stock provider waits exactly
 * min(2^n × 100 ms, max), so after a server restart every client comes back in the same
 * millisecond; here each client draws its delay in the upper half of a doubling window
 * ("equal jitter"): spread out, yet never hammering.
 */
export const RECONNECT_BASE_MS = 1_000; // first window: 0.5–1 s after a drop
export const RECONNECT_MAX_BACKOFF_MS = 10_000; // later windows: 5–10 s
/**
 * The first connection of a page waits 0–250 ms. Mass simultaneous page loads are rare (the
 * herd comes from reconnects) and every millisecond here delays the draft becoming editable.
 */
export const FIRST_CONNECT_JITTER_MS = 250;
/** When the browser comes back online, many tabs learn it at once: spread them over a second. */
export const ONLINE_AGAIN_JITTER_MS = 1_000;

export function reconnectDelayMs(
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const window = Math.min(RECONNECT_MAX_BACKOFF_MS, RECONNECT_BASE_MS * 2 ** exponent);
  return Math.round(window * (0.5 + random() * 0.5));
}

export function firstConnectDelayMs(random: () => number = Math.random): number {
  return Math.round(random() * FIRST_CONNECT_JITTER_MS);
}
