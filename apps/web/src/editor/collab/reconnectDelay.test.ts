import { describe, expect, it } from 'vitest';

import {
  FIRST_CONNECT_JITTER_MS,
  firstConnectDelayMs,
  RECONNECT_BASE_MS,
  RECONNECT_MAX_BACKOFF_MS,
  reconnectDelayMs,
} from './reconnectDelay';

describe('reconnectDelayMs', () => {
  it('draws in the upper half of a doubling window', () => {
    expect(reconnectDelayMs(1, () => 0)).toBe(RECONNECT_BASE_MS / 2);
    expect(reconnectDelayMs(1, () => 1)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelayMs(2, () => 0)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelayMs(3, () => 1)).toBe(RECONNECT_BASE_MS * 4);
  });

  it('never exceeds the maximum back-off', () => {
    expect(reconnectDelayMs(50, () => 1)).toBe(RECONNECT_MAX_BACKOFF_MS);
    expect(reconnectDelayMs(50, () => 0)).toBe(RECONNECT_MAX_BACKOFF_MS / 2);
  });

  it('spreads clients that lost the server at the same instant', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 200 }, () => reconnectDelayMs(1, random));
    const distinct = new Set(delays);
    expect(distinct.size).toBeGreaterThan(150);
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(RECONNECT_BASE_MS / 3);
  });
});

describe('firstConnectDelayMs', () => {
  it('stays within the first-connect jitter', () => {
    expect(firstConnectDelayMs(() => 0)).toBe(0);
    expect(firstConnectDelayMs(() => 1)).toBe(FIRST_CONNECT_JITTER_MS);
  });
});
