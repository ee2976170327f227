import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the configured rate', () => {
    const bucket = new TokenBucket(10, 5, 0);
    for (let i = 0; i < 5; i += 1) expect(bucket.tryTake(1, 0)).toBe(true);
    expect(bucket.tryTake(1, 0)).toBe(false);
    expect(bucket.tryTake(1, 99)).toBe(false);
    expect(bucket.tryTake(1, 101)).toBe(true);
  });

  it('never refills above the burst size', () => {
    const bucket = new TokenBucket(1000, 3, 0);
    expect(bucket.tryTake(3, 60_000)).toBe(true);
    expect(bucket.tryTake(1, 60_000)).toBe(false);
  });

  it('takes nothing when the cost is larger than what is left', () => {
    const bucket = new TokenBucket(1, 10, 0);
    expect(bucket.tryTake(11, 0)).toBe(false);
    expect(bucket.tryTake(10, 0)).toBe(true);
  });
});
