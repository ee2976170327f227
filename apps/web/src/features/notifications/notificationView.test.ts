import { describe, expect, it } from 'vitest';
import type { NotificationDto } from '@atelier/protocol';

import { notificationSentence, notificationTarget } from './notificationView';

const base = {
  id: 'n-1',
  consultationId: 'consultation 1',
  createdAt: '2024-03-01T09:00:00.000Z',
  readAt: null,
};

const mention: NotificationDto = {
  ...base,
  kind: 'mention',
  commitmentId: 'engagement/2',
  threadId: 'fil#3',
  commentId: 'c-4',
  commitmentTitle: 'Ouvrir les données',
  actor: { userId: 'u-1', displayName: 'Élise Moreau' },
  excerpt: 'Bonjour',
  excerptWithheld: null,
};

const closing: NotificationDto = {
  ...base,
  kind: 'round_closing_soon',
  roundId: 'r-1',
  roundTitle: 'Premier tour',
  closesAt: '2024-03-03T09:00:00.000Z',
};

describe('notificationTarget', () => {
  it('leads to the thread in the commitment’s editor, ids encoded', () => {
    expect(notificationTarget(mention)).toBe(
      '/consultations/consultation%201/engagements/engagement%2F2#thread-fil%233',
    );
  });

  it('leads to the consultation’s rounds for a comment round', () => {
    expect(notificationTarget(closing)).toBe('/consultations/consultation%201/tours');
  });
});

describe('notificationSentence', () => {
  it('names the person for comments and the round for rounds', () => {
    expect(notificationSentence(mention)).toEqual({
      key: 'notifications.sentence.mention',
      values: { name: 'Élise Moreau' },
    });
    expect(notificationSentence(closing)).toEqual({
      key: 'notifications.sentence.round_closing_soon',
      values: { title: 'Premier tour' },
    });
  });
});
