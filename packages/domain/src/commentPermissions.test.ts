import { describe, expect, it } from 'vitest';
import type { Commitment } from './commitment';
import { emptyReadModel } from './commitment';
import type { Comment, CommentThread } from './commentThread';
import type { CommentRound } from './commentRound';
import {
  decideOnComment,
  decideOnModeration,
  decideOnMute,
  decideOnNewThread,
  decideOnRound,
  decideOnThread,
  moderatorRoleOf,
  type CommentDecision,
  type CommentFacts,
  type CommentingFacts,
} from './commentPermissions';
import type { Consultation } from './consultation';
import type { ConsultationRole } from './membership';
import type { Mute } from './moderation';
import type { Actor } from './permissions';

/**
 * Every kind of person against every comment action, as a table: `ok`, or the reason given.
 * The rules are issue 6's, with the choice documented in commentPermissions.ts for comments
 * outside rounds (contributors and up).
 */
type Who =
  | 'signedOut'
  | 'stranger'
  | 'observer'
  | 'commenter'
  | 'contributor'
  | 'lead'
  | 'facilitator'
  | 'admin'
  | 'disabled'
  | 'muted';
const everyone: Who[] = [
  'signedOut',
  'stranger',
  'observer',
  'commenter',
  'contributor',
  'lead',
  'facilitator',
  'admin',
  'disabled',
  'muted',
];

const NOW = '2024-03-15T12:00:00.000Z';
const LEAD_ORGANISATION = 'organisation-dinum';

const roles: Partial<Record<Who, ConsultationRole>> = {
  observer: 'observer',
  commenter: 'commenter',
  contributor: 'contributor',
  lead: 'contributor',
  facilitator: 'facilitator',
  disabled: 'contributor',
  muted: 'contributor',
};

function actorFor(who: Who): Actor {
  if (who === 'signedOut') return null;
  return {
    id: `user-${who}`,
    platformRole: who === 'admin' ? 'admin' : null,
    disabled: who === 'disabled',
    organisationId: who === 'lead' ? LEAD_ORGANISATION : `organisation-${who}`,
  };
}

const consultation: Consultation = {
  id: 'consultation-1',
  title: 'Plan 2021-2023',
  slug: 'plan-2021-2023',
  description: '',
  startsOn: null,
  endsOn: null,
  status: 'open',
  visibility: 'public',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

const commitment: Commitment = {
  id: 'commitment-1',
  consultationId: consultation.id,
  number: 1,
  title: 'Participation citoyenne',
  theme: { kind: 'transversal', label: 'Participation' },
  leadOrganisationIds: [LEAD_ORGANISATION],
  partnerOrganisationIds: [],
  status: 'drafting',
  locked: false,
  docName: 'commitment-commitment-1',
  readModel: emptyReadModel('Participation citoyenne'),
  createdAt: consultation.createdAt,
  updatedAt: consultation.createdAt,
};

function aRound(overrides: Partial<CommentRound> = {}): CommentRound {
  return {
    id: 'round-1',
    consultationId: consultation.id,
    title: 'Premier tour',
    instructions: '',
    opensAt: '2024-03-01T00:00:00.000Z',
    closesAt: '2024-03-22T00:00:00.000Z',
    audience: 'members',
    commitmentIds: [],
    createdBy: 'user-facilitator',
    createdAt: '2024-02-20T00:00:00.000Z',
    ...overrides,
  };
}

const membersRound = aRound();
const publicRound = aRound({ id: 'round-public', audience: 'public' });
const closedRound = aRound({ id: 'round-closed', closesAt: '2024-03-10T00:00:00.000Z' });
const futureRound = aRound({ id: 'round-future', opensAt: '2024-04-01T00:00:00.000Z' });
const otherCommitmentRound = aRound({ id: 'round-other', commitmentIds: ['commitment-2'] });

function muteFor(who: Who): Mute | null {
  return who === 'muted'
    ? {
        consultationId: consultation.id,
        userId: 'user-muted',
        until: '2024-03-16T00:00:00.000Z',
        reason: 'Insultes',
        by: 'user-facilitator',
        createdAt: '2024-03-14T00:00:00.000Z',
      }
    : null;
}

function commentingFacts(
  who: Who,
  round: CommentRound | null,
  overrides: Partial<CommentingFacts> = {},
): CommentingFacts {
  const role = roles[who];
  return {
    consultation,
    commitment,
    membership: role
      ? { consultationId: consultation.id, userId: `user-${who}`, role, createdAt: NOW }
      : null,
    round,
    mute: muteFor(who),
    now: NOW,
    ...overrides,
  };
}

function aThread(round: CommentRound | null): CommentThread {
  return {
    id: 'thread-1',
    consultationId: consultation.id,
    commitmentId: commitment.id,
    roundId: round?.id ?? null,
    anchor: null,
    status: 'open',
    createdBy: 'user-author',
    createdAt: NOW,
    resolvedBy: null,
    resolvedAt: null,
  };
}

function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'comment-1',
    threadId: 'thread-1',
    authorId: 'user-author',
    body: 'Précisez le calendrier.',
    mentions: [],
    createdAt: NOW,
    editedAt: null,
    deletedAt: null,
    hidden: null,
    ...overrides,
  };
}

const HIDDEN = { at: NOW, reason: 'Hors sujet', byRole: 'facilitator' } as const;

function commentFacts(
  who: Who,
  round: CommentRound | null,
  comment: Comment = aComment(),
  rootComment: Comment = comment,
): CommentFacts {
  return { ...commentingFacts(who, round), thread: aThread(round), rootComment, comment };
}

function outcome(decision: CommentDecision): string {
  return decision.allowed ? 'ok' : decision.reason;
}

function row(
  values: [string, string, string, string, string, string, string, string, string, string],
): Record<Who, string> {
  return Object.fromEntries(everyone.map((who, index) => [who, values[index]])) as Record<
    Who,
    string
  >;
}

function tableOf(decide: (who: Who) => CommentDecision): Record<Who, string> {
  return Object.fromEntries(everyone.map((who) => [who, outcome(decide(who))])) as Record<
    Who,
    string
  >;
}

const OUT = 'signed_out';
const DIS = 'account_disabled';
const LOW = 'role_too_low';
const NOT = 'not_a_member';

describe('comment permission matrix (public consultation, open)', () => {
  //                            out  strngr  obs  comm  contr  lead  facil  admin  disab  muted
  const cases: Array<{ name: string; decide: (who: Who) => CommentDecision; expected: string[] }> =
    [
      {
        name: 'start a thread in an open members round',
        decide: (who) => decideOnNewThread(actorFor(who), commentingFacts(who, membersRound)),
        expected: [OUT, NOT, LOW, 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'muted'],
      },
      {
        name: 'start a thread in an open public round',
        decide: (who) => decideOnNewThread(actorFor(who), commentingFacts(who, publicRound)),
        expected: [OUT, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'muted'],
      },
      {
        name: 'start a thread outside rounds',
        decide: (who) => decideOnNewThread(actorFor(who), commentingFacts(who, null)),
        expected: [
          OUT,
          'no_open_round',
          LOW,
          'no_open_round',
          'ok',
          'ok',
          'ok',
          'ok',
          DIS,
          'muted',
        ],
      },
      {
        name: 'start a thread in a closed round',
        decide: (who) => decideOnNewThread(actorFor(who), commentingFacts(who, closedRound)),
        expected: [OUT, ...Array<string>(7).fill('round_closed'), DIS, 'muted'],
      },
      {
        name: 'reply in an open members round',
        decide: (who) =>
          decideOnThread(actorFor(who), 'thread.reply', commentFacts(who, membersRound)),
        expected: [OUT, NOT, LOW, 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'muted'],
      },
      {
        name: 'reply to a thread whose first comment is hidden',
        decide: (who) =>
          decideOnThread(
            actorFor(who),
            'thread.reply',
            commentFacts(who, membersRound, aComment({ hidden: HIDDEN })),
          ),
        expected: [OUT, NOT, LOW, ...Array<string>(5).fill('thread_hidden'), DIS, 'muted'],
      },
      {
        name: 'resolve, reopen and respond',
        decide: (who) =>
          decideOnThread(actorFor(who), 'thread.respond', commentFacts(who, closedRound)),
        expected: [
          OUT,
          NOT,
          LOW,
          'not_lead_organisation',
          'not_lead_organisation',
          'ok',
          'ok',
          'ok',
          DIS,
          'not_lead_organisation',
        ],
      },
      {
        name: 'read a thread',
        decide: (who) => decideOnThread(actorFor(who), 'thread.read', commentFacts(who, null)),
        expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'ok'],
      },
      {
        name: 'flag a comment',
        decide: (who) => decideOnComment(actorFor(who), 'comment.flag', commentFacts(who, null)),
        expected: [OUT, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'ok'],
      },
      {
        name: 'react to a comment in an open members round',
        decide: (who) =>
          decideOnComment(actorFor(who), 'comment.react', commentFacts(who, membersRound)),
        expected: [OUT, NOT, LOW, 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'muted'],
      },
      {
        name: "hide someone's comment",
        decide: (who) =>
          decideOnComment(actorFor(who), 'comment.hide', commentFacts(who, membersRound)),
        expected: [OUT, NOT, LOW, LOW, LOW, LOW, 'ok', 'ok', DIS, LOW],
      },
      {
        name: 'restore a hidden comment',
        decide: (who) =>
          decideOnComment(
            actorFor(who),
            'comment.restore',
            commentFacts(who, membersRound, aComment({ hidden: HIDDEN })),
          ),
        expected: [OUT, NOT, LOW, LOW, LOW, LOW, 'ok', 'ok', DIS, LOW],
      },
      {
        name: "edit someone else's comment",
        decide: (who) =>
          decideOnComment(actorFor(who), 'comment.edit', commentFacts(who, membersRound)),
        expected: [OUT, ...Array<string>(7).fill('not_author'), DIS, 'not_author'],
      },
      {
        name: 'edit one’s own comment in an open members round',
        decide: (who) =>
          decideOnComment(
            actorFor(who),
            'comment.edit',
            commentFacts(who, membersRound, aComment({ authorId: `user-${who}` })),
          ),
        expected: [OUT, NOT, LOW, 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'muted'],
      },
      {
        name: 'delete one’s own comment after the round closed',
        decide: (who) =>
          decideOnComment(
            actorFor(who),
            'comment.delete',
            commentFacts(who, closedRound, aComment({ authorId: `user-${who}` })),
          ),
        expected: [OUT, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'ok'],
      },
      {
        name: 'read the moderation queue',
        decide: (who) =>
          decideOnModeration(actorFor(who), 'moderation.read_queue', commentingFacts(who, null)),
        expected: [OUT, NOT, LOW, LOW, LOW, LOW, 'ok', 'ok', DIS, LOW],
      },
      {
        name: 'read the public moderation log',
        decide: (who) =>
          decideOnModeration(actorFor(who), 'moderation.read_log', commentingFacts(who, null)),
        expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'ok'],
      },
      {
        name: 'mute a commenter',
        decide: (who) =>
          decideOnMute(actorFor(who), {
            ...commentingFacts(who, null),
            target: {
              user: { id: 'user-target', platformRole: null },
              membership: {
                consultationId: consultation.id,
                userId: 'user-target',
                role: 'commenter',
                createdAt: NOW,
              },
            },
          }),
        expected: [OUT, NOT, LOW, LOW, LOW, LOW, 'ok', 'ok', DIS, LOW],
      },
      {
        name: 'open or change a round',
        decide: (who) =>
          decideOnRound(actorFor(who), 'round.manage', {
            ...commentingFacts(who, null),
            round: membersRound,
          }),
        expected: [OUT, NOT, LOW, LOW, LOW, LOW, 'ok', 'ok', DIS, LOW],
      },
      {
        name: 'join an open public round',
        decide: (who) =>
          decideOnRound(actorFor(who), 'round.join', {
            ...commentingFacts(who, null),
            round: publicRound,
          }),
        expected: [OUT, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', DIS, 'ok'],
      },
    ];

  for (const { name, decide, expected } of cases) {
    it(name, () => {
      expect(tableOf(decide)).toEqual(row(expected as Parameters<typeof row>[0]));
    });
  }
});

describe('comment rules beyond roles', () => {
  const contributor = actorFor('contributor');

  it('refuses comments before a round opens and on commitments it does not cover', () => {
    expect(
      outcome(decideOnNewThread(contributor, commentingFacts('contributor', futureRound))),
    ).toBe('round_not_open_yet');
    expect(
      outcome(decideOnNewThread(contributor, commentingFacts('contributor', otherCommitmentRound))),
    ).toBe('commitment_not_in_round');
  });

  it('refuses every comment once the consultation is closed or archived', () => {
    for (const status of ['closed', 'published', 'archived'] as const) {
      const facts = commentingFacts('facilitator', membersRound, {
        consultation: { ...consultation, status },
      });
      expect(outcome(decideOnNewThread(actorFor('facilitator'), facts))).toBe(
        'consultation_closed',
      );
    }
  });

  it('lets a mute lapse at its end', () => {
    const facts = commentingFacts('muted', membersRound, { now: '2024-03-16T00:00:00.000Z' });
    expect(outcome(decideOnNewThread(actorFor('muted'), facts))).toBe('ok');
  });

  it('admits strangers to a public round only when the consultation is public', () => {
    const facts = commentingFacts('stranger', publicRound, {
      consultation: { ...consultation, visibility: 'members' },
    });
    expect(outcome(decideOnNewThread(actorFor('stranger'), facts))).toBe(NOT);
  });

  it('refuses replies in a closed round, even to facilitators', () => {
    const facts = commentFacts('facilitator', closedRound);
    expect(outcome(decideOnThread(actorFor('facilitator'), 'thread.reply', facts))).toBe(
      'round_closed',
    );
  });

  it('refuses answers on an archived consultation', () => {
    const facts = {
      ...commentFacts('lead', closedRound),
      consultation: { ...consultation, status: 'archived' as const },
    };
    expect(outcome(decideOnThread(actorFor('lead'), 'thread.resolve', facts))).toBe(
      'consultation_closed',
    );
  });

  it('never edits a deleted or hidden comment, never hides twice, never restores a visible one', () => {
    const own = { authorId: 'user-contributor' };
    const author = actorFor('contributor');
    const facilitator = actorFor('facilitator');
    const deleted = aComment({ ...own, deletedAt: NOW, body: '' });
    const hidden = aComment({ ...own, hidden: HIDDEN });
    expect(
      outcome(decideOnComment(author, 'comment.edit', commentFacts('contributor', null, deleted))),
    ).toBe('comment_deleted');
    expect(
      outcome(decideOnComment(author, 'comment.edit', commentFacts('contributor', null, hidden))),
    ).toBe('comment_hidden');
    expect(
      outcome(
        decideOnComment(facilitator, 'comment.hide', commentFacts('facilitator', null, hidden)),
      ),
    ).toBe('comment_hidden');
    expect(
      outcome(decideOnComment(facilitator, 'comment.restore', commentFacts('facilitator', null))),
    ).toBe('comment_not_hidden');
  });

  it('never mutes a moderator or oneself', () => {
    const base = commentingFacts('facilitator', null);
    const facilitator = actorFor('facilitator');
    expect(
      outcome(
        decideOnMute(facilitator, {
          ...base,
          target: { user: { id: 'user-admin', platformRole: 'admin' }, membership: null },
        }),
      ),
    ).toBe('cannot_mute_moderator');
    expect(
      outcome(
        decideOnMute(facilitator, {
          ...base,
          target: { user: { id: 'user-facilitator', platformRole: null }, membership: null },
        }),
      ),
    ).toBe('cannot_mute_moderator');
  });

  it('refuses facts whose round is not the thread’s', () => {
    const facts = { ...commentFacts('contributor', membersRound), round: null };
    expect(() => decideOnThread(contributor, 'thread.reply', facts)).toThrow(TypeError);
  });

  it('logs the moderator by role', () => {
    expect(moderatorRoleOf(commentingFacts('facilitator', null))).toBe('facilitator');
    expect(moderatorRoleOf(commentingFacts('admin', null))).toBe('admin');
  });
});
