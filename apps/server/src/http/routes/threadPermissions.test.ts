import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, CommentRound, CommentThread, User } from '@atelier/domain';
import { ApiClient } from '../../testing/apiClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import {
  aMember,
  seedRolesScenario,
  TEST_PASSWORD,
  type RolesScenario,
} from '../../testing/workspaceFixtures';
import { createOrganisation } from '../../workspace/commands/organisationCommands';

/**
 * Every role against every comment action, through real HTTP. The observer, commenter and
 * contributor of the scenario belong to the commitment's lead organisation; `outsider` is a
 * contributor from another organisation.
 */
type Who =
  | 'signedOut'
  | 'stranger'
  | 'observer'
  | 'commenter'
  | 'contributor'
  | 'outsider'
  | 'facilitator'
  | 'admin';
const everyone: Who[] = [
  'signedOut',
  'stranger',
  'observer',
  'commenter',
  'contributor',
  'outsider',
  'facilitator',
  'admin',
];

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
const people = new Map<Who, User>();
const clients = new Map<Who, ApiClient>();
const rounds = {} as Record<'open' | 'closed' | 'scheduled', CommentRound>;
let counter = 0;
/** A member outside the table, author of the comments nobody in it wrote. */
let bystander: User;

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

beforeAll(async () => {
  running = await startWorkspaceServer({ apiRequestsPerMinute: 100_000 });
  const { context } = running;
  scenario = await seedRolesScenario(context);
  const elsewhere = await createOrganisation(context, scenario.admin, {
    name: 'Association partenaire',
    kind: 'civil_society',
  });
  const outsider = await aMember(context, scenario, 'contributor', {
    label: 'outsider',
    organisationId: elsewhere.id,
  });
  bystander = await aMember(context, scenario, 'commenter', { label: 'bystander' });
  for (const who of everyone) {
    const api = new ApiClient(running.baseUrl);
    const person =
      who === 'outsider' ? outsider : who === 'signedOut' ? null : scenario.people[who];
    if (person) {
      people.set(who, person);
      await api.signIn(person.email, TEST_PASSWORD);
    }
    clients.set(who, api);
  }
  for (const [phase, opensAt, closesAt] of [
    ['open', hours(-1), hours(24)],
    ['closed', hours(-48), hours(-24)],
    ['scheduled', hours(24), hours(48)],
  ] as const) {
    const round: CommentRound = {
      id: context.newId(),
      consultationId: scenario.consultation.id,
      title: `Tour ${phase}`,
      instructions: '',
      opensAt,
      closesAt,
      audience: 'members',
      commitmentIds: [],
      createdBy: scenario.admin.id,
      createdAt: hours(-72),
    };
    await context.store.commentRounds.create(round);
    rounds[phase] = round;
  }
});
afterAll(async () => running.stop());

/** A thread written straight into the store (setup must not spend anyone's comment budget). */
async function storedThread(
  authorId: string,
  roundId: string | null = rounds.open.id,
): Promise<{ thread: CommentThread; comment: Comment }> {
  const { context } = running;
  const at = new Date().toISOString();
  const thread: CommentThread = {
    id: context.newId(),
    consultationId: scenario.consultation.id,
    commitmentId: scenario.commitment.id,
    roundId,
    anchor: null,
    status: 'open',
    createdBy: authorId,
    createdAt: at,
    resolvedBy: null,
    resolvedAt: null,
  };
  const comment: Comment = {
    id: context.newId(),
    threadId: thread.id,
    authorId,
    body: `Commentaire ${++counter}`,
    mentions: [],
    createdAt: at,
    editedAt: null,
    deletedAt: null,
    hidden: null,
  };
  await context.store.commentThreads.createThread(thread, comment);
  return { thread, comment };
}

const authorOf = (who: Who) => people.get(who)?.id ?? scenario.people.facilitator.id;

const row = (values: [number, number, number, number, number, number, number, number]) =>
  Object.fromEntries(everyone.map((who, i) => [who, values[i]])) as Record<Who, number>;

//                               out  strgr  obs  comm  contr  outsd  facil  admin
const commentable = row([401, 404, 403, 201, 201, 201, 201, 201]);
const roundNotOpen = row([401, 404, 409, 409, 409, 409, 409, 409]);
const ownChange = row([401, 404, 403, 200, 200, 200, 200, 200]);
const ownDelete = row([401, 404, 204, 204, 204, 204, 204, 204]);
const notAuthor = row([401, 404, 403, 403, 403, 403, 403, 403]);
const answerers = row([401, 404, 403, 200, 200, 403, 200, 200]);

const newThreadIn = (roundId: string) => async (api: ApiClient) => {
  const before = (await running.context.store.commentThreads.listByRound(roundId)).length;
  const response = await api.post(`/api/commitments/${scenario.commitment.id}/threads`, {
    body: `Proposition ${++counter}`,
    roundId,
  });
  const after = (await running.context.store.commentThreads.listByRound(roundId)).length;
  expect(after - before).toBe(response.status === 201 ? 1 : 0);
  return response.status;
};

const actions: Array<{
  name: string;
  expected: Record<Who, number>;
  run: (api: ApiClient, who: Who) => Promise<number>;
}> = [
  {
    name: 'open a round',
    expected: row([401, 404, 403, 403, 403, 403, 201, 201]),
    run: async (api) =>
      (
        await api.post(`/api/consultations/${scenario.consultation.id}/rounds`, {
          title: 'Deuxième tour',
          opensAt: hours(1),
          closesAt: hours(100),
        })
      ).status,
  },
  {
    name: 'comment in an open round',
    expected: commentable,
    run: (api) => newThreadIn(rounds.open.id)(api),
  },
  {
    name: 'comment in a closed round',
    expected: roundNotOpen,
    run: (api) => newThreadIn(rounds.closed.id)(api),
  },
  {
    name: 'comment in a scheduled round',
    expected: roundNotOpen,
    run: (api) => newThreadIn(rounds.scheduled.id)(api),
  },
  {
    name: 'reply in an open round',
    expected: commentable,
    run: async (api) => {
      const { thread } = await storedThread(scenario.people.facilitator.id);
      return (await api.post(`/api/threads/${thread.id}/comments`, { body: 'Je réponds.' })).status;
    },
  },
  {
    name: 'reply in a closed round',
    expected: roundNotOpen,
    run: async (api) => {
      const { thread } = await storedThread(scenario.people.facilitator.id, rounds.closed.id);
      return (await api.post(`/api/threads/${thread.id}/comments`, { body: 'Trop tard.' })).status;
    },
  },
  {
    name: 'edit own comment',
    expected: ownChange,
    run: async (api, who) => {
      const { comment } = await storedThread(authorOf(who));
      const response = await api.patch(`/api/comments/${comment.id}`, { body: 'Corrigé.' });
      const stored = await running.context.store.commentThreads.findComment(comment.id);
      expect(stored?.body === 'Corrigé.').toBe(response.status === 200);
      return response.status;
    },
  },
  {
    name: "edit someone else's comment",
    expected: notAuthor,
    run: async (api) => {
      const { comment } = await storedThread(bystander.id);
      return (await api.patch(`/api/comments/${comment.id}`, { body: 'Réécrit.' })).status;
    },
  },
  {
    name: 'delete own comment',
    expected: ownDelete,
    run: async (api, who) => {
      const { comment } = await storedThread(authorOf(who));
      const response = await api.delete(`/api/comments/${comment.id}`);
      const stored = await running.context.store.commentThreads.findComment(comment.id);
      expect(stored?.deletedAt !== null).toBe(response.status === 204);
      return response.status;
    },
  },
  {
    name: "delete someone else's comment",
    expected: notAuthor,
    run: async (api) => {
      const { comment } = await storedThread(bystander.id);
      return (await api.delete(`/api/comments/${comment.id}`)).status;
    },
  },
  {
    name: 'react to a comment',
    expected: ownChange,
    run: async (api) => {
      const { comment } = await storedThread(scenario.people.facilitator.id);
      return (await api.put(`/api/comments/${comment.id}/reaction`, { kind: 'agree' })).status;
    },
  },
  {
    name: 'resolve a thread',
    expected: answerers,
    run: async (api) => {
      const { thread } = await storedThread(scenario.people.facilitator.id);
      return (await api.post(`/api/threads/${thread.id}/resolve`)).status;
    },
  },
  {
    name: 'reopen a thread',
    expected: answerers,
    run: async (api) => {
      const { thread } = await storedThread(scenario.people.facilitator.id);
      await running.context.store.commentThreads.setThreadStatus(thread.id, {
        status: 'resolved',
        resolvedBy: scenario.people.facilitator.id,
        resolvedAt: new Date().toISOString(),
      });
      return (await api.post(`/api/threads/${thread.id}/reopen`)).status;
    },
  },
  {
    name: 'respond to a thread, also once its round has closed',
    expected: answerers,
    run: async (api) => {
      const { thread } = await storedThread(scenario.people.facilitator.id, rounds.closed.id);
      const response = await api.put(`/api/threads/${thread.id}/response`, {
        disposition: 'accepted',
        reason: 'Intégré au texte.',
      });
      const stored = await running.context.store.commentThreads.findResponse(thread.id);
      expect(stored !== null).toBe(response.status === 200);
      return response.status;
    },
  },
  {
    name: 'read the threads',
    expected: row([401, 404, 200, 200, 200, 200, 200, 200]),
    run: async (api) =>
      (await api.get(`/api/commitments/${scenario.commitment.id}/threads`)).status,
  },
];

describe('comment permission matrix (members-only consultation, open)', () => {
  for (const action of actions) {
    it(action.name, async () => {
      const actual: Record<string, number> = {};
      for (const who of everyone) actual[who] = await action.run(clients.get(who)!, who);
      expect(actual).toEqual(action.expected);
    });
  }
});
