import { describe, expect, it } from 'vitest';
import { ForumVoteLedger } from './forumVoteLedger';

describe('ForumVoteLedger', () => {
  it('times each vote on each screen from the first results that count it', () => {
    const ledger = new ForumVoteLedger(3, 2);
    ledger.recordEmit(100);
    ledger.recordEmit(110);
    ledger.recordResults(0, 1, 130);
    ledger.recordResults(0, 2, 150);
    ledger.recordResults(1, 2, 160);
    // A late, smaller tally changes nothing already seen.
    ledger.recordResults(1, 1, 400);
    expect(ledger.pairLatencies()).toEqual([30, 60, 40, 50]);
    expect(ledger.allScreensLatencies()).toEqual([60, 50]);
    expect(ledger.allSeen()).toBe(true);
  });

  it('counts a vote a screen never saw as lost, for that pair and for "all screens"', () => {
    const ledger = new ForumVoteLedger(2, 2);
    ledger.recordEmit(0);
    ledger.recordEmit(5);
    ledger.recordResults(0, 2, 20);
    ledger.recordResults(1, 1, 30);
    expect(ledger.allSeen()).toBe(false);
    expect(ledger.pairLatencies()).toEqual([20, 30, 15, Infinity]);
    expect(ledger.allScreensLatencies()).toEqual([30, Infinity]);
  });

  it('never credits a screen with a vote not yet emitted', () => {
    const ledger = new ForumVoteLedger(2, 1);
    ledger.recordEmit(0);
    ledger.recordResults(0, 2, 10);
    ledger.recordEmit(12);
    expect(ledger.allSeen()).toBe(false);
    ledger.recordResults(0, 2, 20);
    expect(ledger.pairLatencies()).toEqual([10, 8]);
  });

  it('refuses more votes than planned', () => {
    const ledger = new ForumVoteLedger(1, 1);
    ledger.recordEmit(0);
    expect(() => ledger.recordEmit(1)).toThrow(RangeError);
  });
});
