import { describe, expect, it } from 'vitest';
import { percentile } from './percentiles';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('lets missing samples (Infinity) surface in the tail', () => {
    const samples = [...Array.from({ length: 98 }, () => 10), Infinity, Infinity];
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 99)).toBe(Infinity);
  });

  it('returns null for no samples', () => {
    expect(percentile([], 50)).toBeNull();
  });
});
