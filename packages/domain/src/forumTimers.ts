import type { ForumTimer } from './forumSession';

/**
 * Countdowns on the server clock. A timer is data (duration, when it last started, what was
 * spent before): any screen computes the time left from the same numbers, and a running timer
 * keeps running across a server restart because nothing but the clock moves it.
 */
export function newTimer(durationMs: number, nowMs: number, running: boolean): ForumTimer {
  return { durationMs, startedAtMs: running ? nowMs : null, elapsedBeforeMs: 0 };
}

/** Freezes a running timer where it is; a paused one is returned unchanged. */
export function pauseTimer(timer: ForumTimer, nowMs: number): ForumTimer {
  if (timer.startedAtMs === null) return timer;
  const spent = timer.elapsedBeforeMs + Math.max(0, nowMs - timer.startedAtMs);
  return { ...timer, startedAtMs: null, elapsedBeforeMs: Math.min(spent, timer.durationMs) };
}

/** Sets a paused timer running again from where it stopped; a running one is unchanged. */
export function resumeTimer(timer: ForumTimer, nowMs: number): ForumTimer {
  if (timer.startedAtMs !== null) return timer;
  return { ...timer, startedAtMs: nowMs };
}
