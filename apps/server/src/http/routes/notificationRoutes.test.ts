import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { User } from '@atelier/domain';
import {
  notificationListDtoSchema,
  SocketEvent,
  unreadCountDtoSchema,
  type ClientToServerEvents,
  type CommentDto,
  type CommentThreadDto,
  type ErrorBodyDto,
  type NotificationListDto,
  type NotificationNewPayload,
  type ServerToClientEvents,
  type UnreadCountDto,
} from '@atelier/protocol';
import { ApiClient } from '../../testing/apiClient';
import { eventually } from '../../testing/eventually';
import { signedInClient } from '../../testing/signedInClient';
import { TEST_ORIGIN } from '../../testing/startTestServer';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import {
  aMember,
  anOpenRound,
  seedRolesScenario,
  type RolesScenario,
} from '../../testing/workspaceFixtures';
import { setUserDisabled } from '../../workspace/commands/userCommands';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  running = await startWorkspaceServer({ apiRequestsPerMinute: 100_000 });
  scenario = await seedRolesScenario(running.context);
  // A members' round open for a day: commenters may comment (the reminders are not running
  // here, see roundReminders.test.ts; every notification below comes from a comment).
  await anOpenRound(running.context, scenario);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await running.stop();
});

interface Participant {
  readonly user: User;
  readonly api: ApiClient;
}

/** A new member of the consultation, signed in: each test has people of its own. */
async function aParticipant(
  label: string,
  role: 'commenter' | 'contributor' = 'commenter',
): Promise<Participant> {
  const user = await aMember(running.context, scenario, role, { label });
  return { user, api: await signedInClient(running.baseUrl, user) };
}

async function openThread(
  author: Participant,
  body: string,
  mentions: string[] = [],
): Promise<string> {
  const created = await author.api.post<CommentThreadDto>(
    `/api/commitments/${scenario.commitment.id}/threads`,
    { body, mentions },
  );
  expect(created.status).toBe(201);
  return created.body.id;
}

async function reply(
  author: Participant,
  threadId: string,
  body: string,
  mentions: string[] = [],
): Promise<string> {
  const created = await author.api.post<CommentDto>(`/api/threads/${threadId}/comments`, {
    body,
    mentions,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function notificationsOf(person: Participant): Promise<NotificationListDto> {
  const listed = await person.api.get<NotificationListDto>('/api/notifications');
  expect(listed.status).toBe(200);
  return notificationListDtoSchema.parse(listed.body);
}

function openSocket(person: Participant | null): ClientSocket {
  const cookie = person?.api.sessionCookie ?? null;
  const socket: ClientSocket = connectSocket(running.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
    reconnection: false,
    // One connection per person: socket.io-client would otherwise share the first handshake.
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

async function connected(socket: ClientSocket): Promise<void> {
  if (socket.connected) return;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function heardBy(socket: ClientSocket): NotificationNewPayload[] {
  const heard: NotificationNewPayload[] = [];
  socket.on(SocketEvent.NotificationNew, (payload) => heard.push(payload));
  return heard;
}

describe('notifications about comments', () => {
  it('tells the authors of earlier comments of a reply, never the one who replied', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const chloe = await aParticipant('chloe', 'contributor');
    const threadId = await openThread(aline, 'Il manque un jalon sur les données.');
    expect((await notificationsOf(aline)).notifications).toEqual([]);

    const brunoReply = await reply(bruno, threadId, 'D’accord, et avec quelle échéance ?');

    const forAline = await notificationsOf(aline);
    expect(forAline.unreadCount).toBe(1);
    expect(forAline.notifications).toEqual([
      expect.objectContaining({
        kind: 'reply',
        consultationId: scenario.consultation.id,
        commitmentId: scenario.commitment.id,
        commitmentTitle: scenario.commitment.title,
        threadId,
        commentId: brunoReply,
        actor: { userId: bruno.user.id, displayName: bruno.user.displayName },
        excerpt: 'D’accord, et avec quelle échéance ?',
        excerptWithheld: null,
        readAt: null,
      }),
    ]);
    expect((await notificationsOf(bruno)).notifications).toEqual([]);

    // A third voice: both earlier authors hear of it, once each, and the third does not.
    const chloeReply = await reply(chloe, threadId, 'Fin 2022 au plus tard.');
    expect((await notificationsOf(aline)).notifications.map((n) => n.kind)).toEqual([
      'reply',
      'reply',
    ]);
    expect((await notificationsOf(bruno)).notifications).toEqual([
      expect.objectContaining({ kind: 'reply', commentId: chloeReply }),
    ]);
    expect((await notificationsOf(chloe)).unreadCount).toBe(0);
  });

  it('tells a mentioned member once (a mention, not also a reply), and never oneself', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const threadId = await openThread(aline, 'Qui pilote ce jalon ?', [aline.user.id]);
    expect((await notificationsOf(aline)).unreadCount).toBe(0);

    const mentioning = await reply(bruno, threadId, '@aline la DINUM, je crois.', [
      aline.user.id,
      bruno.user.id,
    ]);

    expect((await notificationsOf(aline)).notifications).toEqual([
      expect.objectContaining({ kind: 'mention', commentId: mentioning, threadId }),
    ]);
    expect((await notificationsOf(bruno)).unreadCount).toBe(0);

    // Replying in one's own thread, alone, tells nobody.
    await reply(aline, threadId, 'Merci, je vérifie.', [aline.user.id]);
    expect((await notificationsOf(aline)).notifications).toHaveLength(1);
  });

  it('tells a member an edit newly mentions, once, and nobody already mentioned or replied to', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const chloe = await aParticipant('chloe');
    const threadId = await openThread(aline, 'Qui suit ce jalon ?');
    const commentId = await reply(bruno, threadId, 'Demandons à @chloe.', [chloe.user.id]);
    const before = {
      aline: (await notificationsOf(aline)).notifications.length,
      chloe: (await notificationsOf(chloe)).notifications.length,
    };

    const edit = (body: string, mentions: string[]) =>
      bruno.api.patch(`/api/comments/${commentId}`, { body, mentions });
    expect(
      (await edit('Demandons à @chloe et @aline.', [chloe.user.id, aline.user.id])).status,
    ).toBe(200);
    expect((await notificationsOf(aline)).notifications).toHaveLength(before.aline + 1);
    expect((await notificationsOf(aline)).notifications[0]).toMatchObject({
      kind: 'mention',
      commentId,
      excerpt: 'Demandons à @chloe et @aline.',
    });
    // Chloe was mentioned already; editing again with the same mentions tells nobody.
    expect((await notificationsOf(chloe)).notifications).toHaveLength(before.chloe);
    expect(
      (await edit('Demandons à @chloe et @aline !', [chloe.user.id, aline.user.id])).status,
    ).toBe(200);
    expect((await notificationsOf(aline)).notifications).toHaveLength(before.aline + 1);
  });

  it('tells a mentioned member in a new thread, but not one who can no longer read it', async () => {
    const aline = await aParticipant('aline', 'contributor');
    const bruno = await aParticipant('bruno');
    const disabledMember = await aParticipant('desactive');
    await setUserDisabled(running.context, scenario.admin, disabledMember.user.id, true);

    await openThread(aline, 'Avis de @bruno et de @desactive ?', [
      bruno.user.id,
      disabledMember.user.id,
    ]);

    expect((await notificationsOf(bruno)).notifications).toEqual([
      expect.objectContaining({
        kind: 'mention',
        actor: expect.objectContaining({ userId: aline.user.id }),
      }),
    ]);
    expect(await running.context.store.notifications.countUnread(disabledMember.user.id)).toBe(0);
  });

  it('withholds the excerpt once the comment is hidden by moderation, and when deleted', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const threadId = await openThread(aline, 'Proposition de jalon.');
    const hiddenReply = await reply(bruno, threadId, 'Mon voisin Jean Dupont, 06 12 34 56 78.');
    const deletedReply = await reply(bruno, threadId, 'Finalement, rien.');
    const facilitator = await signedInClient(running.baseUrl, scenario.people.facilitator);

    expect(
      (
        await facilitator.post(`/api/comments/${hiddenReply}/hide`, {
          reason: 'Données personnelles',
        })
      ).status,
    ).toBe(200);
    expect((await bruno.api.delete(`/api/comments/${deletedReply}`)).status).toBe(204);

    const listed = await notificationsOf(aline);
    expect(JSON.stringify(listed)).not.toContain('Jean Dupont');
    // Both were written within a few milliseconds: compare without relying on their order.
    expect(listed.notifications).toHaveLength(2);
    expect(listed.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          commentId: deletedReply,
          excerpt: null,
          excerptWithheld: 'deleted',
        }),
        expect.objectContaining({
          commentId: hiddenReply,
          excerpt: null,
          excerptWithheld: 'hidden',
        }),
      ]),
    );
  });

  it('withholds excerpts from someone who may no longer read the commitment', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const threadId = await openThread(aline, 'Une question sur le budget.');
    await reply(bruno, threadId, 'Le budget est confidentiel pour l’instant.');
    const admin = await signedInClient(running.baseUrl, scenario.admin);

    const removed = await admin.delete(
      `/api/consultations/${scenario.consultation.id}/members/${aline.user.id}`,
    );
    expect(removed.status).toBe(204);

    const [notification] = (await notificationsOf(aline)).notifications;
    expect(notification).toMatchObject({ excerpt: null, excerptWithheld: 'no_access' });
    // And what is said there afterwards no longer reaches her.
    await reply(bruno, threadId, 'Le montant sera publié en juin.');
    expect((await notificationsOf(aline)).notifications).toHaveLength(1);
  });
});

describe('reading and marking notifications', () => {
  it('marks one read, only one’s own (someone else’s is a 404), then all', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const first = await openThread(aline, 'Premier fil.');
    const second = await openThread(aline, 'Second fil.');
    await reply(bruno, first, 'Réponse au premier.');
    await reply(bruno, second, 'Réponse au second.');
    const [newest, oldest] = (await notificationsOf(aline)).notifications;

    const theirs = await bruno.api.post<ErrorBodyDto>(`/api/notifications/${newest!.id}/read`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('notification_not_found');
    const unknown = await aline.api.post<ErrorBodyDto>('/api/notifications/inconnue/read');
    expect(unknown.status).toBe(404);
    expect((await notificationsOf(aline)).unreadCount).toBe(2);

    const marked = await aline.api.post<UnreadCountDto>(`/api/notifications/${newest!.id}/read`);
    expect(marked.status).toBe(200);
    expect(unreadCountDtoSchema.parse(marked.body)).toEqual({ unreadCount: 1 });
    const afterOne = await notificationsOf(aline);
    expect(afterOne.notifications.find((n) => n.id === newest!.id)?.readAt).not.toBeNull();
    expect(afterOne.notifications.find((n) => n.id === oldest!.id)?.readAt).toBeNull();
    expect(await aline.api.get('/api/notifications/unread-count')).toMatchObject({
      status: 200,
      body: { unreadCount: 1 },
    });

    const all = await aline.api.post<UnreadCountDto>('/api/notifications/read-all');
    expect(all).toMatchObject({ status: 200, body: { unreadCount: 0 } });
    expect((await notificationsOf(aline)).notifications.every((n) => n.readAt !== null)).toBe(true);
  });

  it('lists newest first within the limit, and refuses a bad limit', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const threadId = await openThread(aline, 'Un fil animé.');
    for (const body of ['Un.', 'Deux.', 'Trois.']) await reply(bruno, threadId, body);

    const all = await notificationsOf(aline);
    const limited = await aline.api.get<NotificationListDto>('/api/notifications?limit=2');
    expect(limited.status).toBe(200);
    expect(limited.body).toEqual({ notifications: all.notifications.slice(0, 2), unreadCount: 3 });
    const instants = all.notifications.map((n) => n.createdAt);
    expect(instants).toEqual([...instants].sort().reverse());
    for (const limit of ['0', '101', 'beaucoup', '1.5']) {
      const refused = await aline.api.get<ErrorBodyDto>(`/api/notifications?limit=${limit}`);
      expect(refused.status, limit).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
  });

  it('answers 401 to a signed-out caller on every endpoint, and 403 without the CSRF header', async () => {
    const signedOut = new ApiClient(running.baseUrl);
    for (const [method, path] of [
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/unread-count'],
      ['POST', '/api/notifications/read-all'],
      ['POST', '/api/notifications/quelconque/read'],
    ] as const) {
      const answer = await signedOut.request<ErrorBodyDto>(
        method,
        path,
        method === 'POST' ? {} : undefined,
      );
      expect(answer.status, path).toBe(401);
      expect(answer.body.error.code).toBe('authentication_required');
    }
    const aline = await aParticipant('aline');
    const withoutCsrf = await aline.api.request(
      'POST',
      '/api/notifications/read-all',
      {},
      {
        csrf: false,
      },
    );
    expect(withoutCsrf.status).toBe(403);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const document = await new ApiClient(running.baseUrl).get<{ paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/notifications',
        '/notifications/unread-count',
        '/notifications/read-all',
        '/notifications/{id}/read',
      ]),
    );
  });
});

describe('Socket.io: notification:new', () => {
  it('reaches every socket of the person notified, and nobody else’s', async () => {
    const aline = await aParticipant('aline');
    const bruno = await aParticipant('bruno');
    const threadId = await openThread(aline, 'Qui suit ce sujet ?');
    const alineTabs = [openSocket(aline), openSocket(aline)];
    const brunoTab = openSocket(bruno);
    const visitorTab = openSocket(null);
    await Promise.all([...alineTabs, brunoTab, visitorTab].map(connected));
    const [alineHeard, alineSecondTabHeard, brunoHeard, visitorHeard] = [
      ...alineTabs,
      brunoTab,
      visitorTab,
    ].map(heardBy);

    await reply(bruno, threadId, 'Moi, pour l’association.');

    await eventually(() => {
      expect(alineHeard).toEqual([{ unreadCount: 1 }]);
      expect(alineSecondTabHeard).toEqual([{ unreadCount: 1 }]);
    });
    // Then Aline answers: Bruno hears of his notification, and the first thing he ever heard
    // is that one; the visitor heard nothing all along.
    await reply(aline, threadId, 'Merci Bruno.');
    await eventually(() => expect(brunoHeard).toEqual([{ unreadCount: 1 }]));
    expect(visitorHeard).toEqual([]);
    expect(alineHeard).toEqual([{ unreadCount: 1 }]);
  });
});
