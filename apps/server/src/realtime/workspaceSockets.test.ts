import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import {
  SocketEvent,
  type ClientToServerEvents,
  type CommitmentUpdatedPayload,
  type CommitmentWatchResult,
  type DraftPresencePayload,
  type ServerToClientEvents,
  type ThreadChangedPayload,
  type WatchResult,
} from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { eventually } from '../testing/eventually';
import { TEST_ORIGIN } from '../testing/startTestServer';
import { startWorkspaceServer, type RunningWorkspaceServer } from '../testing/startWorkspaceServer';
import { seedRolesScenario, TEST_PASSWORD, type RolesScenario } from '../testing/workspaceFixtures';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  running = await startWorkspaceServer();
  scenario = await seedRolesScenario(running.context);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await running.stop();
});

async function signedInCookie(role: keyof RolesScenario['people']): Promise<string> {
  const api = new ApiClient(running.baseUrl);
  await api.signIn(scenario.people[role].email, TEST_PASSWORD);
  return api.sessionCookie!;
}

function openSocket(cookie: string | null, origin = TEST_ORIGIN): ClientSocket {
  const socket: ClientSocket = connectSocket(running.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { origin, ...(cookie ? { cookie } : {}) },
    reconnection: false,
    // One connection per person: socket.io-client would otherwise share the first one's handshake.
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

function watch(socket: ClientSocket, consultationId: unknown): Promise<WatchResult> {
  return new Promise((resolve) =>
    socket.emit(SocketEvent.WatchConsultation, consultationId as string, resolve),
  );
}

function watchCommitment(socket: ClientSocket, commitmentId: unknown) {
  return new Promise<CommitmentWatchResult>((resolve) =>
    socket.emit(SocketEvent.WatchCommitment, commitmentId as string, resolve),
  );
}

describe('Socket.io: live changes of a consultation', () => {
  it('a member watching a consultation hears when a commitment changes', async () => {
    const socket = openSocket(await signedInCookie('contributor'));
    expect(await watch(socket, scenario.consultation.id)).toMatchObject({ ok: true });
    const heard: CommitmentUpdatedPayload[] = [];
    socket.on(SocketEvent.CommitmentUpdated, (payload) => heard.push(payload));

    const facilitator = new ApiClient(running.baseUrl);
    await facilitator.signIn(scenario.people.facilitator.email, TEST_PASSWORD);
    await facilitator.patch(`/api/commitments/${scenario.commitment.id}`, {
      title: 'Un titre plus précis',
    });
    await eventually(() =>
      expect(heard).toContainEqual({
        consultationId: scenario.consultation.id,
        commitmentId: scenario.commitment.id,
      }),
    );
  });

  it('refuses to watch what the caller may not read, with the REST error codes', async () => {
    expect(await watch(openSocket(null), scenario.consultation.id)).toEqual({
      ok: false,
      code: 'authentication_required',
    });
    expect(
      await watch(openSocket(await signedInCookie('stranger')), scenario.consultation.id),
    ).toEqual({
      ok: false,
      code: 'consultation_not_found',
    });
    expect(await watch(openSocket(await signedInCookie('facilitator')), { $ne: null })).toEqual({
      ok: false,
      code: 'validation_failed',
    });
  });

  it('a member removed from the consultation stops hearing about it', async () => {
    const socket = openSocket(await signedInCookie('observer'));
    expect(await watch(socket, scenario.consultation.id)).toMatchObject({ ok: true });
    const admin = new ApiClient(running.baseUrl);
    await admin.signIn(scenario.admin.email, TEST_PASSWORD);
    await admin.delete(
      `/api/consultations/${scenario.consultation.id}/members/${scenario.people.observer.id}`,
    );
    const heard: CommitmentUpdatedPayload[] = [];
    socket.on(SocketEvent.CommitmentUpdated, (payload) => heard.push(payload));
    // Let the access review run, then change something the observer must not hear about.
    await eventually(async () => {
      await admin.patch(`/api/commitments/${scenario.commitment.id}`, {
        title: `Après le départ ${Date.now()}`,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([]);
    });
  });

  it('tells watchers who has each draft open, and a page that starts watching gets the current picture', async () => {
    const contributorCookie = await signedInCookie('contributor');
    const watcher = openSocket(await signedInCookie('facilitator'));
    const first = await watch(watcher, scenario.consultation.id);
    expect(
      first.ok && first.presence.find((p) => p.commitmentId === scenario.commitment.id)?.people,
    ).toEqual([]);
    const heard: DraftPresencePayload[] = [];
    watcher.on(SocketEvent.DraftPresence, (payload) => heard.push(payload));

    const draft = new WebSocket(
      `ws://127.0.0.1:${running.port}/collab/${scenario.commitment.docName}`,
      {
        headers: { cookie: contributorCookie },
      },
    );
    await new Promise((resolve) => draft.once('open', resolve));
    const karim = {
      userId: scenario.people.contributor.id,
      name: scenario.people.contributor.displayName,
      access: 'edit',
    };
    await eventually(() => expect(heard.at(-1)?.people).toMatchObject([karim]));
    const later = await watch(
      openSocket(await signedInCookie('commenter')),
      scenario.consultation.id,
    );
    expect(later).toMatchObject({ ok: true });
    expect(
      later.ok && later.presence.find((p) => p.commitmentId === scenario.commitment.id)?.people,
    ).toMatchObject([karim]);

    draft.close();
    await eventually(() => expect(heard.at(-1)?.people).toEqual([]));
  });

  it('refuses a handshake from another site', async () => {
    const socket = openSocket(await signedInCookie('contributor'), 'https://evil.example');
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(error.message).toBe('origin_not_allowed');
  });
});

describe('Socket.io: rooms per commitment for comment threads', () => {
  async function commentAs(role: keyof RolesScenario['people'], body: string): Promise<string> {
    const api = new ApiClient(running.baseUrl);
    await api.signIn(scenario.people[role].email, TEST_PASSWORD);
    const created = await api.post<{ id: string }>(
      `/api/commitments/${scenario.commitment.id}/threads`,
      { body },
    );
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('a watcher of the commitment hears thread:changed; a watcher of the consultation only does not', async () => {
    const commitmentWatcher = openSocket(await signedInCookie('commenter'));
    expect(await watchCommitment(commitmentWatcher, scenario.commitment.id)).toEqual({ ok: true });
    const consultationWatcher = openSocket(await signedInCookie('facilitator'));
    expect(await watch(consultationWatcher, scenario.consultation.id)).toMatchObject({ ok: true });
    const heard: ThreadChangedPayload[] = [];
    const overheard: ThreadChangedPayload[] = [];
    commitmentWatcher.on(SocketEvent.ThreadChanged, (payload) => heard.push(payload));
    consultationWatcher.on(SocketEvent.ThreadChanged, (payload) => overheard.push(payload));

    const threadId = await commentAs('contributor', 'Précisons le calendrier.');
    await eventually(() =>
      expect(heard).toContainEqual({
        consultationId: scenario.consultation.id,
        commitmentId: scenario.commitment.id,
        threadId,
      }),
    );
    expect(overheard).toEqual([]);
  });

  it('refuses to watch a commitment the caller may not read, with the REST error codes', async () => {
    expect(await watchCommitment(openSocket(null), scenario.commitment.id)).toEqual({
      ok: false,
      code: 'authentication_required',
    });
    expect(
      await watchCommitment(openSocket(await signedInCookie('stranger')), scenario.commitment.id),
    ).toEqual({ ok: false, code: 'commitment_not_found' });
    expect(
      await watchCommitment(openSocket(await signedInCookie('facilitator')), 'x'.repeat(65)),
    ).toEqual({ ok: false, code: 'validation_failed' });
  });

  it('a member removed from the consultation stops hearing about its threads', async () => {
    const socket = openSocket(await signedInCookie('commenter'));
    expect(await watchCommitment(socket, scenario.commitment.id)).toEqual({ ok: true });
    const admin = new ApiClient(running.baseUrl);
    await admin.signIn(scenario.admin.email, TEST_PASSWORD);
    await admin.delete(
      `/api/consultations/${scenario.consultation.id}/members/${scenario.people.commenter.id}`,
    );
    const heard: ThreadChangedPayload[] = [];
    socket.on(SocketEvent.ThreadChanged, (payload) => heard.push(payload));
    await eventually(async () => {
      await commentAs('contributor', `Après le départ ${Date.now()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([]);
    });
  });
});
