import { describe, expect, it } from 'vitest';

import {
  groupFlagReasons,
  muteCandidates,
  muteUntil,
  parseLogTarget,
  threadLink,
} from './moderationView';

const flag = (reason: string, createdAt: string) => ({
  id: `${reason}-${createdAt}`,
  commentId: 'c',
  reason,
  createdAt,
});

describe('moderation view', () => {
  it('links to the thread in the editor through its fragment', () => {
    expect(threadLink('k', 'm', 't')).toBe('/consultations/k/engagements/m#thread-t');
  });

  it('counts identical reasons together, the most frequent first', () => {
    const groups = groupFlagReasons([
      flag('Propos injurieux', '2026-03-01T10:00:00Z'),
      flag('Spam', '2026-03-01T09:00:00Z'),
      flag('  propos   injurieux ', '2026-03-02T10:00:00Z'),
    ]);
    expect(groups).toEqual([
      { reason: 'Propos injurieux', count: 2, lastAt: '2026-03-02T10:00:00Z' },
      { reason: 'Spam', count: 1, lastAt: '2026-03-01T09:00:00Z' },
    ]);
  });

  it('reads what a log line is about', () => {
    expect(parseLogTarget('comment:abc')).toEqual({ kind: 'comment', id: 'abc' });
    expect(parseLogTarget('user:u:1')).toEqual({ kind: 'user', id: 'u:1' });
    expect(parseLogTarget('commitment:c')).toEqual({ kind: 'commitment', id: 'c' });
    expect(parseLogTarget('round:r')).toEqual({ kind: 'unknown', id: 'r' });
    expect(parseLogTarget('nothing')).toEqual({ kind: 'unknown', id: 'nothing' });
  });

  it('ends a mute after the chosen length', () => {
    const now = Date.parse('2026-03-01T09:00:00.000Z');
    expect(muteUntil(now, 'hour')).toBe('2026-03-01T10:00:00.000Z');
    expect(muteUntil(now, 'week')).toBe('2026-03-08T09:00:00.000Z');
  });

  it('offers neither facilitators nor oneself for a mute', () => {
    const members = [
      { userId: 'z', displayName: 'Zoé', role: 'commenter' },
      { userId: 'f', displayName: 'Camille', role: 'facilitator' },
      { userId: 'me', displayName: 'Moi', role: 'contributor' },
      { userId: 'a', displayName: 'Alain', role: 'observer' },
    ];
    expect(muteCandidates(members, 'me').map((member) => member.userId)).toEqual(['a', 'z']);
  });
});
