import { describe, expect, it } from 'vitest';

import { followReducer, initialFollowState, shownDraft } from './followState';

const spotlight = { commitmentId: 'c1', passageQuote: 'open data', setAt: '2026-03-10T10:00:00Z' };

describe('follow or roam', () => {
  it('follows the spotlight, with its passage', () => {
    expect(shownDraft(initialFollowState, spotlight, null)).toEqual({
      commitmentId: 'c1',
      passageQuote: 'open data',
      source: 'spotlight',
      awayFromRoom: false,
    });
  });

  it("shows the breakout group's draft instead of the spotlight during a breakout", () => {
    expect(shownDraft(initialFollowState, spotlight, 'c7')).toMatchObject({
      commitmentId: 'c7',
      source: 'breakout',
    });
  });

  it('shows nothing when there is no spotlight', () => {
    expect(shownDraft(initialFollowState, null, null).commitmentId).toBeNull();
  });

  it('roams to another draft, says the room is elsewhere, and comes back', () => {
    const roaming = followReducer(initialFollowState, { type: 'roam', commitmentId: 'c2' });
    expect(shownDraft(roaming, spotlight, null)).toEqual({
      commitmentId: 'c2',
      passageQuote: null,
      source: 'roam',
      awayFromRoom: true,
    });
    // The facilitator moves the spotlight: a roaming screen stays where it is.
    const moved = { ...spotlight, commitmentId: 'c3' };
    expect(shownDraft(roaming, moved, null).commitmentId).toBe('c2');
    const back = followReducer(roaming, { type: 'back_to_spotlight' });
    expect(shownDraft(back, moved, null).commitmentId).toBe('c3');
  });

  it('is not "away" when roaming on the spotlighted draft itself', () => {
    const roaming = followReducer(initialFollowState, { type: 'roam', commitmentId: 'c1' });
    expect(shownDraft(roaming, spotlight, null).awayFromRoom).toBe(false);
  });
});
