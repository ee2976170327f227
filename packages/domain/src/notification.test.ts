import { describe, expect, it } from 'vitest';
import {
  isRoundParticipant,
  NOTIFICATION_EXCERPT_MAX_CHARS,
  notificationExcerpt,
  notificationSubjectId,
  ROUND_CLOSING_SOON_MS,
  roundRemindersDue,
  type Notification,
} from './notification';

const HOUR_MS = 3_600_000;
const NOW = new Date('2024-03-10T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

describe('roundRemindersDue', () => {
  it('says nothing before a round opens nor once it has closed', () => {
    expect(roundRemindersDue({ opensAt: at(HOUR_MS), closesAt: at(5 * HOUR_MS) }, NOW)).toEqual([]);
    expect(roundRemindersDue({ opensAt: at(-5 * HOUR_MS), closesAt: at(0) }, NOW)).toEqual([]);
  });

  it('says "opened" while open, and "closing soon" too within the last 48 hours', () => {
    expect(
      roundRemindersDue({ opensAt: at(0), closesAt: at(ROUND_CLOSING_SOON_MS + 1) }, NOW),
    ).toEqual(['round_opened']);
    expect(
      roundRemindersDue({ opensAt: at(-HOUR_MS), closesAt: at(ROUND_CLOSING_SOON_MS) }, NOW),
    ).toEqual(['round_opened', 'round_closing_soon']);
    expect(roundRemindersDue({ opensAt: at(-HOUR_MS), closesAt: at(1) }, NOW)).toEqual([
      'round_opened',
      'round_closing_soon',
    ]);
  });
});

describe('isRoundParticipant', () => {
  it('leaves observers out of members’ rounds only', () => {
    expect(isRoundParticipant('observer', 'members')).toBe(false);
    expect(isRoundParticipant('commenter', 'members')).toBe(true);
    expect(isRoundParticipant('facilitator', 'members')).toBe(true);
    expect(isRoundParticipant('observer', 'public')).toBe(true);
  });
});

describe('notificationExcerpt', () => {
  it('keeps a short comment whole, on one line', () => {
    expect(notificationExcerpt('  Bonjour,\n\tà tous  ')).toBe('Bonjour, à tous');
  });

  it('cuts a long one with an ellipsis, never inside a character', () => {
    const excerpt = notificationExcerpt('é'.repeat(50) + '😀'.repeat(200));
    expect([...excerpt]).toHaveLength(NOTIFICATION_EXCERPT_MAX_CHARS);
    expect(excerpt.endsWith('😀…')).toBe(true);
  });
});

describe('notificationSubjectId', () => {
  const base = {
    id: 'n-1',
    userId: 'u-1',
    consultationId: 'c-1',
    createdAt: at(0),
    readAt: null,
  };

  it('is the comment for replies and mentions, the round for round reminders', () => {
    const reply: Notification = {
      ...base,
      kind: 'reply',
      commitmentId: 'k-1',
      threadId: 't-1',
      commentId: 'comment-1',
      actorId: 'u-2',
      actorName: 'Camille',
      commitmentTitle: 'Ouvrir les données',
      excerpt: 'Oui',
    };
    const round: Notification = {
      ...base,
      kind: 'round_closing_soon',
      roundId: 'round-1',
      roundTitle: 'Premier tour',
      closesAt: at(HOUR_MS),
    };
    expect(notificationSubjectId(reply)).toBe('comment-1');
    expect(notificationSubjectId(round)).toBe('round-1');
  });
});
