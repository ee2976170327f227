import { timerRemainingMs, type ForumTimer } from '@atelier/domain';

/**
 * Every screen counts down on the server's clock, so that a phone whose clock is two minutes
 * off shows the same time left as the projector. The offset is "server time minus this
 * browser's time", estimated from the join round trip and refined by later broadcasts.
 */

/**
 * Offset from a request answered with the server's time: the server read its clock somewhere
 * between sending and receiving, assumed half-way (the usual NTP estimate).
 */
export function offsetFromRoundTrip(sentAtMs: number, receivedAtMs: number, serverNowMs: number) {
  return serverNowMs - (sentAtMs + receivedAtMs) / 2;
}

/**
 * A broadcast stamped `serverNowMs` and received at `receivedAtMs` tells that the offset is at
 * least `serverNowMs - receivedAtMs` (the message took some time to arrive). Raise the estimate
 * when a broadcast proves it too low; never lower it on a slow message.
 */
export function refineOffset(currentOffsetMs: number, serverNowMs: number, receivedAtMs: number) {
  return Math.max(currentOffsetMs, serverNowMs - receivedAtMs);
}

/** Time left on a server timer, seen from this browser's clock corrected by the offset. */
export function remainingMs(timer: ForumTimer, localNowMs: number, offsetMs: number): number {
  return timerRemainingMs(timer, localNowMs + offsetMs);
}

/** "12:05", or "1:02:05" past an hour; whole seconds rounded up so 0:00 means it is over. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/**
 * What a screen reader hears: only whole minutes (and the last minute), so that a polite live
 * region speaks at most once a minute rather than every second.
 */
export function countdownAnnouncement(ms: number): { minutes: number } | 'last_minute' | 'over' {
  if (ms <= 0) return 'over';
  if (ms <= 60_000) return 'last_minute';
  return { minutes: Math.ceil(ms / 60_000) };
}
