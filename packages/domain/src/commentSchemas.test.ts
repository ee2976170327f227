import { describe, expect, it } from 'vitest';
import { countReactions, summariseParticipation } from './commentCounts';
import {
  commentRoundCreateSchema,
  commentRoundUpdateSchema,
  openRoundFor,
  roundPhase,
  type CommentRound,
} from './commentRound';
import {
  commentDisplay,
  commentEditSchema,
  commentReplySchema,
  threadCreateSchema,
  threadResponseSchema,
  type Comment,
  type ThreadWithComments,
} from './commentThread';
import {
  flagCreateSchema,
  isMuteActive,
  moderationReasonSchema,
  muteCreateSchema,
} from './moderation';

const anchor = {
  start: 'AQIDBAU=',
  end: 'AQIDBAY=',
  quote: 'la transparence',
  prefix: 'Renforcer ',
  suffix: ' de l’action',
};

describe('comment input schemas', () => {
  it('trims bodies, keeps HTML as text and deduplicates mentions', () => {
    const parsed = threadCreateSchema.parse({
      body: '  <script>alert(1)</script> Précisez  ',
      anchor,
      mentions: ['user-a', 'user-a', 'user-b'],
    });

    expect(parsed).toEqual({
      body: '<script>alert(1)</script> Précisez',
      anchor,
      mentions: ['user-a', 'user-b'],
    });
    expect(threadCreateSchema.parse({ body: 'Sur tout le texte' })).toEqual({
      body: 'Sur tout le texte',
      anchor: null,
      mentions: [],
    });
  });

  it('refuses empty, overlong and control-character bodies, and unknown fields', () => {
    expect(commentReplySchema.safeParse({ body: '   ' }).success).toBe(false);
    expect(commentReplySchema.safeParse({ body: 'a'.repeat(5001) }).success).toBe(false);
    expect(commentReplySchema.safeParse({ body: 'a'.repeat(5000) }).success).toBe(true);
    expect(commentReplySchema.safeParse({ body: 'nul\u0000' }).success).toBe(false);
    expect(commentReplySchema.safeParse({ body: 'ligne\nsuivante\tok' }).success).toBe(true);
    expect(commentEditSchema.safeParse({ body: 'ok', authorId: 'user-x' }).success).toBe(false);
    expect(
      threadCreateSchema.safeParse({ body: 'ok', anchor: { ...anchor, docName: 'x' } }).success,
    ).toBe(false);
    expect(
      threadCreateSchema.safeParse({ body: 'ok', anchor: { ...anchor, quote: '' } }).success,
    ).toBe(false);
    expect(
      threadCreateSchema.safeParse({ body: 'ok', anchor: { ...anchor, prefix: 'p'.repeat(33) } })
        .success,
    ).toBe(false);
    expect(
      commentReplySchema.safeParse({
        body: 'ok',
        mentions: Array(21)
          .fill('u')
          .map((u, i) => u + i),
      }).success,
    ).toBe(false);
  });

  it('requires a disposition and a bounded reason for a response', () => {
    expect(threadResponseSchema.parse({ disposition: 'accepted', reason: ' Intégré ' })).toEqual({
      disposition: 'accepted',
      reason: 'Intégré',
    });
    expect(threadResponseSchema.safeParse({ disposition: 'accepted', reason: ' ' }).success).toBe(
      false,
    );
    expect(threadResponseSchema.safeParse({ disposition: 'maybe', reason: 'x' }).success).toBe(
      false,
    );
    expect(
      threadResponseSchema.safeParse({ disposition: 'rejected', reason: 'x'.repeat(5001) }).success,
    ).toBe(false);
    expect(
      threadResponseSchema.parse({
        disposition: 'partially_accepted',
        reason: 'Oui',
        draftVersion: 'v12',
      }).draftVersion,
    ).toBe('v12');
  });

  it('requires a reason to flag, hide, restore or mute', () => {
    expect(flagCreateSchema.safeParse({}).success).toBe(false);
    expect(moderationReasonSchema.safeParse({ reason: '  ' }).success).toBe(false);
    expect(moderationReasonSchema.safeParse({ reason: 'Propos injurieux', extra: 1 }).success).toBe(
      false,
    );
    expect(
      muteCreateSchema.parse({
        userId: 'user-x',
        until: '2024-03-20T12:00:00+01:00',
        reason: 'Flood',
      }),
    ).toEqual({ userId: 'user-x', until: '2024-03-20T11:00:00.000Z', reason: 'Flood' });
    expect(
      muteCreateSchema.safeParse({ userId: 'user-x', until: 'demain', reason: 'Flood' }).success,
    ).toBe(false);
  });

  it('normalises round dates to UTC and refuses a round that closes before it opens', () => {
    const parsed = commentRoundCreateSchema.parse({
      title: '  Premier tour  ',
      opensAt: '2024-03-01T09:00:00+01:00',
      closesAt: '2024-03-22T18:00:00Z',
      commitmentIds: ['c-1', 'c-1'],
    });
    expect(parsed).toEqual({
      title: 'Premier tour',
      instructions: '',
      opensAt: '2024-03-01T08:00:00.000Z',
      closesAt: '2024-03-22T18:00:00.000Z',
      audience: 'members',
      commitmentIds: ['c-1'],
    });
    expect(
      commentRoundCreateSchema.safeParse({
        title: 'Tour',
        opensAt: '2024-03-22T18:00:00Z',
        closesAt: '2024-03-22T18:00:00Z',
      }).success,
    ).toBe(false);
    expect(commentRoundUpdateSchema.safeParse({ audience: 'public' }).success).toBe(true);
    expect(commentRoundUpdateSchema.safeParse({ audience: 'everyone' }).success).toBe(false);
  });
});

function aRound(overrides: Partial<CommentRound>): CommentRound {
  return {
    id: 'round',
    consultationId: 'consultation',
    title: 'Tour',
    instructions: '',
    opensAt: '2024-03-01T00:00:00.000Z',
    closesAt: '2024-03-22T00:00:00.000Z',
    audience: 'members',
    commitmentIds: [],
    createdBy: 'user',
    createdAt: '2024-02-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('rounds, mutes and display', () => {
  it('tells the phase of a round, opening included and closing excluded', () => {
    const round = aRound({});
    expect(roundPhase(round, '2024-02-29T23:59:59.999Z')).toBe('scheduled');
    expect(roundPhase(round, '2024-03-01T00:00:00.000Z')).toBe('open');
    expect(roundPhase(round, new Date('2024-03-21T23:59:59.999Z'))).toBe('open');
    expect(roundPhase(round, '2024-03-22T00:00:00.000Z')).toBe('closed');
  });

  it('finds the open round covering a commitment, the one closing first', () => {
    const rounds = [
      aRound({ id: 'late', closesAt: '2024-04-01T00:00:00.000Z' }),
      aRound({ id: 'other', commitmentIds: ['c-2'], closesAt: '2024-03-05T00:00:00.000Z' }),
      aRound({ id: 'soon', commitmentIds: ['c-1'], closesAt: '2024-03-10T00:00:00.000Z' }),
    ];
    expect(openRoundFor(rounds, 'c-1', '2024-03-02T00:00:00.000Z')?.id).toBe('soon');
    expect(openRoundFor(rounds, 'c-3', '2024-03-02T00:00:00.000Z')?.id).toBe('late');
    expect(openRoundFor(rounds, 'c-1', '2024-05-01T00:00:00.000Z')).toBeNull();
  });

  it('knows when a mute is over', () => {
    const mute = { until: '2024-03-16T00:00:00.000Z' };
    expect(isMuteActive(mute, '2024-03-15T23:59:59.999Z')).toBe(true);
    expect(isMuteActive(mute, '2024-03-16T00:00:00.000Z')).toBe(false);
    expect(isMuteActive(null, '2024-03-15T00:00:00.000Z')).toBe(false);
  });

  it('shows the trace of a deleted or hidden comment instead of its text', () => {
    const comment: Comment = {
      id: 'c',
      threadId: 't',
      authorId: 'u',
      body: 'Texte',
      mentions: [],
      createdAt: '2024-03-01T00:00:00.000Z',
      editedAt: '2024-03-01T00:01:00.000Z',
      deletedAt: null,
      hidden: null,
    };
    const hidden = {
      at: '2024-03-02T00:00:00.000Z',
      reason: 'Hors sujet',
      byRole: 'facilitator',
    } as const;
    expect(commentDisplay(comment)).toEqual({ kind: 'visible', body: 'Texte', edited: true });
    expect(commentDisplay({ ...comment, hidden })).toEqual({
      kind: 'hidden',
      at: hidden.at,
      reason: 'Hors sujet',
    });
    expect(commentDisplay({ ...comment, hidden, deletedAt: '2024-03-03T00:00:00.000Z' })).toEqual({
      kind: 'deleted',
    });
  });
});

describe('participation counts', () => {
  const kinds: Record<string, 'administration' | 'civil_society'> = {
    'user-admin-1': 'administration',
    'user-asso-1': 'civil_society',
  };
  const kindOfUser = (userId: string) => kinds[userId];

  it('splits agree and disagree by participant kind, citizens apart', () => {
    const at = '2024-03-01T00:00:00.000Z';
    const counts = countReactions(
      [
        { commentId: 'c', userId: 'user-admin-1', kind: 'agree', createdAt: at },
        { commentId: 'c', userId: 'user-asso-1', kind: 'agree', createdAt: at },
        { commentId: 'c', userId: 'user-citoyen', kind: 'disagree', createdAt: at },
      ],
      kindOfUser,
    );
    expect(counts).toEqual({
      agree: { administration: 1, civil_society: 1, other: 0, citizen: 0 },
      disagree: { administration: 0, civil_society: 0, other: 0, citizen: 1 },
    });
  });

  it('counts comments and distinct contributors per commitment, deleted comments left out', () => {
    const comment = (id: string, authorId: string, deleted = false): Comment => ({
      id,
      threadId: 't',
      authorId,
      body: deleted ? '' : 'x',
      mentions: [],
      createdAt: '2024-03-01T00:00:00.000Z',
      editedAt: null,
      deletedAt: deleted ? '2024-03-02T00:00:00.000Z' : null,
      hidden: null,
    });
    const thread = (id: string, commitmentId: string, comments: Comment[]): ThreadWithComments => ({
      thread: {
        id,
        consultationId: 'consultation',
        commitmentId,
        roundId: 'round',
        anchor: null,
        status: 'open',
        createdBy: comments[0]?.authorId ?? 'u',
        createdAt: '2024-03-01T00:00:00.000Z',
        resolvedBy: null,
        resolvedAt: null,
      },
      comments,
      response: null,
    });

    const summary = summariseParticipation(
      [
        thread('t1', 'c-2', [comment('1', 'user-asso-1'), comment('2', 'user-citoyen')]),
        thread('t2', 'c-2', [comment('3', 'user-asso-1'), comment('4', 'user-admin-1', true)]),
        thread('t3', 'c-1', [comment('5', 'user-admin-1')]),
      ],
      kindOfUser,
    );

    expect(summary).toEqual([
      {
        commitmentId: 'c-1',
        threads: 1,
        comments: 1,
        contributors: 1,
        contributorsByKind: { administration: 1, civil_society: 0, other: 0, citizen: 0 },
      },
      {
        commitmentId: 'c-2',
        threads: 2,
        comments: 3,
        contributors: 2,
        contributorsByKind: { administration: 0, civil_society: 1, other: 0, citizen: 1 },
      },
    ]);
  });
});
