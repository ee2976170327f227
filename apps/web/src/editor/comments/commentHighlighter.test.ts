import { describe, expect, it } from 'vitest';

import { passageMayHaveMoved, type PlacedPassage } from './commentHighlighter';

/** A live range as far as the check reads it: its ends' text nodes, in the page or not. */
function rangeIn(connected: boolean): Range {
  const text = { isConnected: connected } as Node;
  return { startContainer: text, endContainer: text } as Range;
}

function placed(keys: string[], ranges: Range[]): PlacedPassage {
  return {
    passage: {
      threadId: 't',
      status: 'open',
      from: 0,
      to: 5,
      segments: keys.map((key) => ({ key, from: 0, to: 5 })),
    },
    ranges,
  };
}

describe('which passages an edit may have moved', () => {
  it('leaves alone a passage whose text nodes the edit did not touch', () => {
    expect(passageMayHaveMoved(placed(['7', '8'], [rangeIn(true)]), new Set(['3', '12']))).toBe(
      false,
    );
  });

  it('takes again a passage with a changed text node', () => {
    expect(passageMayHaveMoved(placed(['7', '8'], [rangeIn(true)]), new Set(['8']))).toBe(true);
  });

  it('takes again a passage whose DOM the editor replaced, or that has none', () => {
    expect(passageMayHaveMoved(placed(['7'], [rangeIn(false)]), new Set())).toBe(true);
    expect(passageMayHaveMoved(placed(['7'], []), new Set())).toBe(true);
  });

  it('takes again a thread with no passage placed (detached, or not rendered yet)', () => {
    expect(passageMayHaveMoved(undefined, new Set())).toBe(true);
  });
});
