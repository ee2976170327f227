import { describe, expect, it } from 'vitest';

import { addDot, dotsBallot, dotsLeft, dotsUsed, removeDot } from './dotsAllocation';

describe('dots allocation', () => {
  it('spreads dots across options, several on one, up to the allowance', () => {
    let allocation = addDot({}, 'a', 3);
    allocation = addDot(allocation, 'a', 3);
    allocation = addDot(allocation, 'b', 3);
    expect(allocation).toEqual({ a: 2, b: 1 });
    expect(dotsUsed(allocation)).toBe(3);
    expect(dotsLeft(allocation, 3)).toBe(0);
    // No dot left: unchanged (same object, so React does not re-render).
    expect(addDot(allocation, 'c', 3)).toBe(allocation);
  });

  it('takes dots back, and an option at zero leaves the ballot', () => {
    const allocation = removeDot(removeDot({ a: 2, b: 1 }, 'b'), 'a');
    expect(allocation).toEqual({ a: 1 });
    expect(removeDot(allocation, 'z')).toBe(allocation);
    expect(dotsLeft(allocation, 3)).toBe(2);
  });

  it('sends only options that have dots', () => {
    expect(dotsBallot({ a: 2, b: 0 })).toEqual({ kind: 'dots', dots: { a: 2 } });
  });
});
