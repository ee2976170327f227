import { describe, expect, it } from 'vitest';
import { ratio } from './ratio';

describe('ratio', () => {
  it('divides ours by theirs', () => {
    expect(ratio(50, 200)).toBe(0.25);
  });

  it('has no value when a side is missing, zero or infinite', () => {
    expect(ratio(null, 1)).toBeNull();
    expect(ratio(1, null)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(Infinity, 1)).toBeNull();
  });
});
