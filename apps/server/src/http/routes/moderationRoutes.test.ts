import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { commentDisplay, type Comment, type CommentThread, type User } from '@atelier/domain';
import {
  SocketEvent,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type ThreadChangedPayload,
  type CommitmentWatchResult,
  type ErrorBodyDto,
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
  aUser,
  seedRolesScenario,
  type RolesScenario,
} from '../../testing/workspaceFixtures';

type LogEntry = {
  action: string;
  target: string;
  reason: string;
  moderatorRole: string;
  at: string;
};

let running: RunningWorkspaceServer;
/** A public consultation: the moderation log is readable signed out. */
let scenario: RolesScenario;
/** A members-only one. */
let closed: RolesScenario;
const sockets: Socket[] = [];

beforeAll(async () => {
  running = await startWorkspaceServer();
  scenario = await seedRolesScenario(running.context, { visibility: 'public' });
  closed = await seedRolesScenario(running.context);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await running.stop();
});

async function signedInAs(role: keyof RolesScenario['people'], from = scenario) {
  return signedInClient(running.baseUrl, from.people[role]);
}

/**
 * A thread with its first comment and replies, stored directly: the threads endpoints are
 * built elsewhere, moderation only needs the records.
 */
async function aThread(
  author: User,
  bodies: { body: string; author?: User }[],
  on: RolesScenario = scenario,
): Promise<{ thread: CommentThread; comments: Comment[] }> {
  const { context } = running;
  const thread: CommentThread = {
    id: context.newId(),
    consultationId: on.consultation.id,
    commitmentId: on.commitment.id,
    roundId: null,
    anchor: null,
    status: 'open',
    createdBy: author.id,
    createdAt: new Date().toISOString(),
    resolvedBy: null,
    resolvedAt: null,
  };
  const comments = bodies.map((item, index): Comment => ({
    id: context.newId(),
    threadId: thread.id,
    authorId: (item.author ?? author).id,
    body: item.body,
    mentions: [],
    createdAt: new Date(Date.now() + index).toISOString(),
    editedAt: null,
    deletedAt: null,
    hidden: null,
  }));
  await context.store.commentThreads.createThread(thread, comments[0]!);
  for (const reply of comments.slice(1)) await context.store.commentThreads.addComment(reply);
  return { thread, comments };
}

async function moderationLog(consultationId = scenario.consultation.id) {
  return new ApiClient(running.baseUrl).get<LogEntry[]>(
    `/api/consultations/${consultationId}/moderation-log`,
  );
}

describe('flags and the moderation queue', () => {
  it('a participant flags a comment once; a second flag is a 409', async () => {
    const { comments } = await aThread(scenario.people.contributor, [{ body: 'Un avis tranché' }]);
    const commenter = await signedInAs('commenter');
    const first = await commenter.post<{ commentId: string; reason: string }>(
      `/api/comments/${comments[0]!.id}/flag`,
      { reason: 'Hors sujet et agressif' },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      commentId: comments[0]!.id,
      reason: 'Hors sujet et agressif',
    });
    const again = await commenter.post<ErrorBodyDto>(`/api/comments/${comments[0]!.id}/flag`, {
      reason: 'Encore une fois',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_flagged');
  });

  it('refuses a flag signed out, with bad input, or on a comment the caller cannot read', async () => {
    const { comments } = await aThread(scenario.people.contributor, [{ body: 'Texte' }]);
    const path = `/api/comments/${comments[0]!.id}/flag`;
    expect((await new ApiClient(running.baseUrl).post(path, { reason: 'Abusif' })).status).toBe(
      401,
    );
    const observer = await signedInAs('observer');
    expect(
      (await observer.post<ErrorBodyDto>(path, { reason: 'Abusif', extra: 1 })).body.error.code,
    ).toBe('validation_failed');
    expect((await observer.post(path, { reason: 'x' })).status).toBe(400);
    expect((await observer.post('/api/comments/unknown/flag', { reason: 'Abusif' })).status).toBe(
      404,
    );
    const hidden = await aThread(closed.people.contributor, [{ body: 'Entre membres' }], closed);
    const stranger = await signedInAs('stranger', closed);
    const refused = await stranger.post<ErrorBodyDto>(
      `/api/comments/${hidden.comments[0]!.id}/flag`,
      {
        reason: 'Abusif',
      },
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('comment_not_found');
    expect(
      await running.context.store.flags.listOpenByConsultation(closed.consultation.id),
    ).toEqual([]);
  });

  it('shows facilitators the flagged comments with their open flags, and only them', async () => {
    const { comments } = await aThread(scenario.people.commenter, [{ body: 'À signaler' }]);
    await (
      await signedInAs('stranger')
    ).post(`/api/comments/${comments[0]!.id}/flag`, {
      reason: 'Publicité',
    });
    await (
      await signedInAs('observer')
    ).post(`/api/comments/${comments[0]!.id}/flag`, {
      reason: 'Spam commercial',
    });
    const path = `/api/consultations/${scenario.consultation.id}/moderation-queue`;
    const queue = await (
      await signedInAs('facilitator')
    ).get<
      { comment: { id: string; body: string; commitmentId: string }; flags: { reason: string }[] }[]
    >(path);
    expect(queue.status).toBe(200);
    const item = queue.body.find((entry) => entry.comment.id === comments[0]!.id);
    expect(item?.comment).toMatchObject({
      body: 'À signaler',
      commitmentId: scenario.commitment.id,
    });
    // Oldest first; two flags in the same millisecond may come in either order.
    expect(item?.flags.map((flag) => flag.reason).sort()).toEqual(['Publicité', 'Spam commercial']);

    expect((await (await signedInAs('contributor')).get<ErrorBodyDto>(path)).body.error.code).toBe(
      'insufficient_role',
    );
    expect((await new ApiClient(running.baseUrl).get(path)).status).toBe(401);
    expect((await (await signedInAs('stranger')).get(path)).status).toBe(403);
  });
});

describe('hiding and restoring', () => {
  it('a commenter cannot hide a comment, and nothing is stored', async () => {
    const { comments } = await aThread(scenario.people.contributor, [{ body: 'Avis' }]);
    const before = (await moderationLog()).body.length;
    const refused = await (
      await signedInAs('commenter')
    ).post<ErrorBodyDto>(`/api/comments/${comments[0]!.id}/hide`, {
      reason: 'Je ne suis pas d’accord',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_role');
    expect((await running.context.store.commentThreads.findComment(comments[0]!.id))?.hidden).toBe(
      null,
    );
    expect((await moderationLog()).body.length).toBe(before);
  });

  it('a facilitator hides a comment: the trace shows, replies stay, flags are handled', async () => {
    const { thread, comments } = await aThread(scenario.people.commenter, [
      { body: 'Propos injurieux' },
      { body: 'Une réponse', author: scenario.people.contributor },
    ]);
    const root = comments[0]!;
    await (
      await signedInAs('observer')
    ).post(`/api/comments/${root.id}/flag`, {
      reason: 'Injurieux',
    });
    const facilitator = await signedInAs('facilitator');
    const hidden = await facilitator.post<{
      commentId: string;
      hidden: { at: string; reason: string; byRole: string };
    }>(`/api/comments/${root.id}/hide`, { reason: 'Propos injurieux envers une personne' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden).toMatchObject({
      reason: 'Propos injurieux envers une personne',
      byRole: 'facilitator',
    });

    // As the threads API renders it: the trace, never the text; the reply is still there.
    const [stored] = (
      await running.context.store.commentThreads.listByCommitment(scenario.commitment.id)
    ).filter((entry) => entry.thread.id === thread.id);
    expect(stored?.comments.map(commentDisplay)).toEqual([
      { kind: 'hidden', at: hidden.body.hidden.at, reason: 'Propos injurieux envers une personne' },
      { kind: 'visible', body: 'Une réponse', edited: false },
    ]);
    const queue = await facilitator.get<{ comment: { id: string } }[]>(
      `/api/consultations/${scenario.consultation.id}/moderation-queue`,
    );
    expect(queue.body.map((item) => item.comment.id)).not.toContain(root.id);

    const twice = await facilitator.post<ErrorBodyDto>(`/api/comments/${root.id}/hide`, {
      reason: 'Encore',
    });
    expect(twice.body.error.code).toBe('comment_hidden');

    const restored = await facilitator.post<{ hidden: unknown }>(
      `/api/comments/${root.id}/restore`,
      { reason: 'Contexte clarifié avec l’auteur' },
    );
    expect(restored.status).toBe(200);
    expect(restored.body.hidden).toBe(null);
    expect(
      commentDisplay((await running.context.store.commentThreads.findComment(root.id))!),
    ).toEqual({ kind: 'visible', body: 'Propos injurieux', edited: false });
    const again = await facilitator.post<ErrorBodyDto>(`/api/comments/${root.id}/restore`, {
      reason: 'Encore',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('comment_not_hidden');
    expect((await facilitator.post(`/api/comments/${root.id}/hide`, {})).status).toBe(400);
  });

  it('a watcher of the commitment hears thread:changed when a comment is hidden', async () => {
    const { thread, comments } = await aThread(scenario.people.commenter, [
      { body: 'Vu en direct' },
    ]);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(
      running.baseUrl,
      {
        transports: ['websocket'],
        extraHeaders: { origin: TEST_ORIGIN },
        reconnection: false,
        forceNew: true,
      },
    );
    sockets.push(socket);
    // Signed out: the consultation is public.
    const watched = await new Promise<CommitmentWatchResult>((resolve) =>
      socket.emit(SocketEvent.WatchCommitment, scenario.commitment.id, resolve),
    );
    expect(watched.ok).toBe(true);
    const heard: ThreadChangedPayload[] = [];
    socket.on(SocketEvent.ThreadChanged, (payload) => heard.push(payload));
    await (
      await signedInAs('facilitator')
    ).post(`/api/comments/${comments[0]!.id}/hide`, {
      reason: 'Données personnelles',
    });
    await eventually(() =>
      expect(heard).toContainEqual({
        consultationId: scenario.consultation.id,
        commitmentId: scenario.commitment.id,
        threadId: thread.id,
      }),
    );
  });
});

describe('mutes', () => {
  const until = () => new Date(Date.now() + 86_400_000).toISOString();
  const mutePath = (user: User) =>
    `/api/consultations/${scenario.consultation.id}/mutes/${user.id}`;

  it('a facilitator mutes a participant until a date and unmutes them', async () => {
    const facilitator = await signedInAs('facilitator');
    const target = scenario.people.commenter;
    const muted = await facilitator.put<{ userId: string; until: string }>(mutePath(target), {
      until: until(),
      reason: 'Messages répétés',
    });
    expect(muted.status).toBe(200);
    expect(muted.body.userId).toBe(target.id);
    expect(
      await running.context.store.mutes.activeMute(
        scenario.consultation.id,
        target.id,
        new Date().toISOString(),
      ),
    ).not.toBe(null);
    const listed = await facilitator.get<{ userId: string }[]>(
      `/api/consultations/${scenario.consultation.id}/mutes`,
    );
    expect(listed.body.map((mute) => mute.userId)).toContain(target.id);

    expect((await facilitator.delete(mutePath(target))).status).toBe(204);
    expect((await facilitator.delete<ErrorBodyDto>(mutePath(target))).body.error.code).toBe(
      'mute_not_found',
    );
  });

  it('never mutes another moderator, an admin or oneself; only facilitators mute', async () => {
    const facilitator = await signedInAs('facilitator');
    const colleague = await aMember(running.context, scenario, 'facilitator', {
      label: 'cofacilitator',
    });
    const body = { until: until(), reason: 'Pour voir' };
    for (const target of [colleague, scenario.admin, scenario.people.facilitator]) {
      const refused = await facilitator.put<ErrorBodyDto>(mutePath(target), body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('cannot_mute_moderator');
    }
    const byContributor = await (
      await signedInAs('contributor')
    ).put<ErrorBodyDto>(mutePath(scenario.people.observer), body);
    expect(byContributor.body.error.code).toBe('insufficient_role');
    expect(
      (
        await facilitator.put<ErrorBodyDto>(mutePath(scenario.people.observer), {
          until: '2001-01-01T00:00:00Z',
          reason: 'Trop tard',
        })
      ).body.error.code,
    ).toBe('mute_until_past');
    expect(
      (await facilitator.put(mutePath(scenario.people.observer), { ...body, userId: 'x' })).status,
    ).toBe(400);
    expect(
      (
        await facilitator.put<ErrorBodyDto>(
          `/api/consultations/${scenario.consultation.id}/mutes/nobody`,
          body,
        )
      ).body.error.code,
    ).toBe('user_not_found');
    expect(
      await running.context.store.mutes.listActiveByConsultation(
        scenario.consultation.id,
        new Date().toISOString(),
      ),
    ).toEqual([]);
  });
});

describe('the public moderation log', () => {
  it('lists hides, restores, mutes, unmutes, locks and unlocks with roles, never names, signed out', async () => {
    const facilitator = await signedInAs('facilitator');
    const { comments } = await aThread(scenario.people.commenter, [{ body: 'À modérer' }]);
    await facilitator.post(`/api/comments/${comments[0]!.id}/hide`, { reason: 'Hors charte' });
    await facilitator.post(`/api/comments/${comments[0]!.id}/restore`, { reason: 'Erreur' });
    const mutePath = `/api/consultations/${scenario.consultation.id}/mutes/${scenario.people.stranger.id}`;
    await facilitator.put(mutePath, {
      until: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'Insultes répétées',
    });
    await facilitator.delete(mutePath);
    // The admin who created the consultation is its facilitator; this one is not a member.
    const platformAdmin = await aUser(running.context, { label: 'admin', platformRole: 'admin' });
    const admin = await signedInClient(running.baseUrl, platformAdmin);
    await admin.patch(`/api/commitments/${scenario.commitment.id}`, { locked: true });
    await facilitator.patch(`/api/commitments/${scenario.commitment.id}`, { locked: false });

    const log = await moderationLog();
    expect(log.status).toBe(200);
    const recent = log.body.slice(0, 6).map(({ action, target, reason, moderatorRole }) => ({
      action,
      target,
      reason,
      moderatorRole,
    }));
    // Newest first, but actions in the same millisecond may come in either order.
    expect(recent).toHaveLength(6);
    expect(recent).toEqual(
      expect.arrayContaining([
        {
          action: 'unlock',
          target: `commitment:${scenario.commitment.id}`,
          reason: '',
          moderatorRole: 'facilitator',
        },
        {
          action: 'lock',
          target: `commitment:${scenario.commitment.id}`,
          reason: '',
          moderatorRole: 'admin',
        },
        {
          action: 'unmute',
          target: `user:${scenario.people.stranger.id}`,
          reason: '',
          moderatorRole: 'facilitator',
        },
        {
          action: 'mute',
          target: `user:${scenario.people.stranger.id}`,
          reason: 'Insultes répétées',
          moderatorRole: 'facilitator',
        },
        {
          action: 'restore',
          target: `comment:${comments[0]!.id}`,
          reason: 'Erreur',
          moderatorRole: 'facilitator',
        },
        {
          action: 'hide',
          target: `comment:${comments[0]!.id}`,
          reason: 'Hors charte',
          moderatorRole: 'facilitator',
        },
      ]),
    );
    const text = JSON.stringify(log.body);
    for (const moderator of [scenario.people.facilitator, platformAdmin]) {
      expect(text).not.toContain(moderator.id);
      expect(text).not.toContain(moderator.displayName);
    }
  });

  it('is as private as a members-only consultation', async () => {
    expect((await moderationLog(closed.consultation.id)).status).toBe(401);
    const stranger = await signedInAs('stranger', closed);
    expect(
      (await stranger.get(`/api/consultations/${closed.consultation.id}/moderation-log`)).status,
    ).toBe(404);
    const observer = await signedInAs('observer', closed);
    expect(
      (await observer.get(`/api/consultations/${closed.consultation.id}/moderation-log`)).status,
    ).toBe(200);
  });
});
