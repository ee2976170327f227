import { describe, expect, it } from 'vitest';

import {
  countdownAnnouncement,
  formatCountdown,
  offsetFromRoundTrip,
  refineOffset,
  remainingMs,
} from './serverClock';

describe('server clock', () => {
  it('takes the round trip mid-point as the moment the server read its clock', () => {
    // Sent at 1000, answered at 1200 local; the server said 61 100: it is 60 000 ms ahead.
    expect(offsetFromRoundTrip(1000, 1200, 61_100)).toBe(60_000);
    expect(offsetFromRoundTrip(5000, 5000, 4000)).toBe(-1000);
  });

  it('raises the estimate when a broadcast proves it too low, never lowers it', () => {
    expect(refineOffset(100, 10_500, 10_000)).toBe(500);
    // A broadcast that took 2 s to arrive says only "at least -1500": keep 100.
    expect(refineOffset(100, 10_500, 12_000)).toBe(100);
  });

  it('counts down on the server clock, so a wrong local clock does not matter', () => {
    const timer = { durationMs: 300_000, startedAtMs: 1_000_000, elapsedBeforeMs: 0 };
    // The phone's clock is 2 minutes behind the server (offset +120 000).
    expect(remainingMs(timer, 1_000_000 - 120_000 + 60_000, 120_000)).toBe(240_000);
    // Same moment seen by a screen with an exact clock.
    expect(remainingMs(timer, 1_060_000, 0)).toBe(240_000);
  });

  it('holds still while paused and keeps the time spent before the pause', () => {
    const paused = { durationMs: 300_000, startedAtMs: null, elapsedBeforeMs: 100_000 };
    expect(remainingMs(paused, 9_999_999, 0)).toBe(200_000);
    expect(remainingMs(paused, 1, 50_000)).toBe(200_000);
  });

  it('never goes below zero', () => {
    const timer = { durationMs: 1000, startedAtMs: 0, elapsedBeforeMs: 0 };
    expect(remainingMs(timer, 5000, 0)).toBe(0);
  });

  it('formats minutes and seconds, rounding up so 0:00 means over', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(605_000)).toBe('10:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('announces whole minutes only, then the last minute, then the end', () => {
    expect(countdownAnnouncement(600_000)).toEqual({ minutes: 10 });
    expect(countdownAnnouncement(540_001)).toEqual({ minutes: 10 });
    expect(countdownAnnouncement(60_000)).toBe('last_minute');
    expect(countdownAnnouncement(0)).toBe('over');
  });
});
