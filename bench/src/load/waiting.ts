import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 50;

/** Polls until `done()` holds or `timeoutMs` passes; returns whether it held. Bounded by design. */
export async function waitFor(done: () => boolean, timeoutMs: number, pollMs = POLL_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await sleep(pollMs);
  }
  return true;
}

/** A promise's value, or `fallback` once `timeoutMs` has passed (the timer never holds the process). */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  return Promise.race([promise, sleep(Math.max(0, timeoutMs), fallback, { ref: false })]);
}

/** Runs `task` for indexes 0..count-1 with at most `concurrency` in flight; stops starting new ones after `deadline`. */
export async function forEachLimited(
  count: number,
  concurrency: number,
  deadlineEpochMs: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count && Date.now() < deadlineEpochMs) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
