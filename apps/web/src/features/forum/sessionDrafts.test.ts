import { describe, expect, it } from 'vitest';

import { admittedByCode, isSessionRunning, sessionCommitmentIds } from './sessionDrafts';

describe('the drafts a session opens to the people it let in by code', () => {
  it('names the agenda, spotlight and breakout commitments once each', () => {
    const ids = sessionCommitmentIds(
      {
        agenda: [
          { id: 'i1', title: 'Accueil', durationMinutes: 5, commitmentId: null },
          { id: 'i2', title: 'Engagement', durationMinutes: 30, commitmentId: 'c2' },
        ],
      },
      {
        spotlight: { commitmentId: 'c3', passageQuote: null, setAt: '2026-03-01T09:00:00Z' },
        breakout: {
          strategy: 'random',
          startedAt: '2026-03-01T09:10:00Z',
          timer: { durationMs: 1, startedAtMs: null, elapsedBeforeMs: 0 },
          groups: [
            { id: 'g1', name: 'A', commitmentId: 'c2', participantIds: [] },
            { id: 'g2', name: 'B', commitmentId: 'c1', participantIds: [] },
          ],
        },
      },
    );
    expect(ids).toEqual(['c1', 'c2', 'c3']);
  });

  it('concerns guests and signed-in people who joined by code, while the session runs', () => {
    expect(admittedByCode('guest')).toBe(true);
    expect(admittedByCode('signed_in')).toBe(true);
    expect(admittedByCode('member')).toBe(false);
    expect(admittedByCode('facilitator')).toBe(false);
    expect(
      ['scheduled', 'live', 'paused', 'ended'].map((s) => isSessionRunning(s as never)),
    ).toEqual([false, true, true, false]);
  });
});
