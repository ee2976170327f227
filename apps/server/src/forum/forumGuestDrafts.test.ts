import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { decoding } from 'lib0';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { bindHeadlessDraftEditor } from '@atelier/collab/draft-editor';
import {
  AuthMessageType,
  CollabCloseCode,
  CollabMessageType,
  ForumEvent,
  type CommitmentDto,
} from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { webSocketWithCookie } from '../testing/cookieWebSocket';
import { eventually } from '../testing/eventually';
import { send } from './testing/forumSocketClient';
import { useForumTestServer } from './testing/forumTestServer';

/**
 * Guests of a live session read the drafts it works on, even in a members-only consultation:
 * the collaboration endpoint learns who they are from the cookie set when they joined.
 */
const forum = useForumTestServer({ visibility: 'members' });
const { signedIn } = forum;
/** In the consultation, but on neither the agenda nor the screen. */
let outside: CommitmentDto;
/** Spotlighted during the session, not on the agenda. */
let spotlighted: CommitmentDto;

beforeAll(async () => {
  const facilitator = await signedIn('facilitator');
  for (const title of ['Associer les collectivités', 'Publier les algorithmes']) {
    const created = await facilitator.post<CommitmentDto>(
      `/api/consultations/${forum.scenario.consultation.id}/commitments`,
      {
        title,
        theme: { kind: 'transversal', label: 'Transparence' },
        leadOrganisationIds: [],
        partnerOrganisationIds: [],
      },
    );
    expect(created.status).toBe(201);
    if (title.startsWith('Associer')) spotlighted = created.body;
    else outside = created.body;
  }
});

/** A session on the scenario's commitment, with the facilitator's console joined to it. */
function scheduleAndJoin() {
  return forum.scheduleWithConsole({
    title: 'Forum ouvert',
    format: 'hybrid',
    agenda: [
      { title: 'Engagement 1', durationMinutes: 30, commitmentId: forum.scenario.commitment.id },
    ],
  });
}

/** Léa joins by the code, as a guest: her client holds the guest cookie the join sets. */
function joinAsGuest(code: string) {
  return forum.joinAsGuest({ code, displayName: 'Léa', participantKind: 'civil_society' });
}

/** The HTTP status of an upgrade to `/collab/<docName>` with this cookie (101 when accepted). */
function upgradeStatus(docName: string, cookie: string | null): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${forum.running.port}/collab/${docName}`, {
      headers: cookie ? { cookie } : {},
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => undefined);
  });
}

/** A draft opened as the web does (y-websocket, Lexical), noting what the server says of access. */
function openDraft(docName: string, cookie: string) {
  const doc = new Y.Doc();
  const editor = bindHeadlessDraftEditor(doc, 'forum-test');
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${forum.running.port}/collab`,
    docName,
    doc,
    {
      disableBc: true,
      WebSocketPolyfill: webSocketWithCookie(cookie),
      maxBackoffTime: 300,
    },
  );
  const accessStates: unknown[] = [];
  const refusals: unknown[] = [];
  provider.messageHandlers[CollabMessageType.Auth] = (_encoder, decoder) => {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === AuthMessageType.AccessState)
      accessStates.push(JSON.parse(decoding.readVarString(decoder)));
    if (subtype === AuthMessageType.EditsRefused)
      refusals.push(JSON.parse(decoding.readVarString(decoder)));
  };
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const draft = {
    provider,
    accessStates,
    refusals,
    closes,
    text: () => editor.editor.read(() => $getRoot().getTextContent()),
    write: (words: string) =>
      editor.applyEdit(() => {
        $getRoot().append($createParagraphNode().append($createTextNode(words)));
      }),
    destroy: () => {
      provider.destroy();
      editor.dispose();
      doc.destroy();
    },
  };
  forum.onCleanup(draft.destroy);
  return draft;
}

describe('guests of a live forum session and the drafts it works on (members-only consultation)', () => {
  it('sets the guest cookie HttpOnly and SameSite=Lax when a guest joins', async () => {
    const { session } = await scheduleAndJoin();
    const response = await new ApiClient(forum.running.baseUrl).post('/api/forum/join', {
      code: session.joinCode,
      displayName: 'Noé',
      participantKind: 'citizen',
    });
    const cookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('atelier_forum_guest='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=\d+/);
  });

  it('a guest reads the agenda and spotlighted drafts read-only while the session runs, nothing else, and is closed out when it ends', async () => {
    const { session, facilitator } = await scheduleAndJoin();
    const guest = await joinAsGuest(session.joinCode!);
    const guestCookie = guest.api.sessionCookie!;
    expect(guestCookie).toMatch(/^atelier_forum_guest=/);

    // Not before it starts: neither the drafts nor the REST list.
    expect(await upgradeStatus(forum.scenario.commitment.docName, guestCookie)).toBe(403);
    const early = await guest.api.get<{ error: { code: string } }>(
      `/api/forum-sessions/${session.id}/commitments`,
    );
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('session_not_running');

    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    expect(
      await send(facilitator, ForumEvent.Spotlight, {
        sessionId: session.id,
        commitmentId: spotlighted.id,
      }),
    ).toEqual({ ok: true });

    // A member writes in the spotlighted draft; the guest reads it live.
    const contributor = await signedIn('contributor');
    const writer = openDraft(spotlighted.docName, contributor.sessionCookie!);
    await eventually(() => expect(writer.provider.synced).toBe(true));
    writer.write('Texte du groupe de travail.');
    const reader = openDraft(spotlighted.docName, guestCookie);
    await eventually(() => expect(reader.provider.synced).toBe(true));
    await eventually(() => expect(reader.text()).toContain('Texte du groupe de travail.'));
    expect(reader.accessStates.at(-1)).toEqual({
      access: 'view',
      readOnlyReason: 'role_view_only',
    });

    // The guest's edits are dropped, and they are told so.
    reader.write('Ajout non autorisé.');
    await eventually(() => expect(reader.refusals).toEqual([{ readOnlyReason: 'role_view_only' }]));
    writer.write('Suite.');
    await eventually(() => expect(reader.text()).toContain('Suite.'));
    expect(writer.text()).not.toContain('Ajout non autorisé.');

    // The agenda's draft too; the rest of the consultation, the minutes and elsewhere stay shut.
    expect(await upgradeStatus(forum.scenario.commitment.docName, guestCookie)).toBe(101);
    expect(await upgradeStatus(outside.docName, guestCookie)).toBe(403);
    expect(await upgradeStatus(session.minutesDocName, guestCookie)).toBe(403);
    expect(await upgradeStatus(forum.scenario.otherCommitment.docName, guestCookie)).toBe(403);
    expect(await upgradeStatus(spotlighted.docName, null)).toBe(401);
    expect(await upgradeStatus(spotlighted.docName, 'atelier_forum_guest=forged')).toBe(401);

    // REST: the session's commitments (agenda, spotlight), and no other read opens.
    const listed = await guest.api.get<CommitmentDto[]>(
      `/api/forum-sessions/${session.id}/commitments`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.map((commitment) => commitment.id).sort()).toEqual(
      [forum.scenario.commitment.id, spotlighted.id].sort(),
    );
    expect(
      (
        await new ApiClient(forum.running.baseUrl).get(
          `/api/forum-sessions/${session.id}/commitments`,
        )
      ).status,
    ).toBe(404);
    expect((await guest.api.get(`/api/commitments/${spotlighted.id}`)).status).not.toBe(200);

    // Pausing keeps them in; ending closes the open connection with the documented code.
    await send(facilitator, ForumEvent.Pause, { sessionId: session.id });
    expect(await upgradeStatus(spotlighted.docName, guestCookie)).toBe(101);
    await send(facilitator, ForumEvent.End, { sessionId: session.id });
    await eventually(() =>
      expect(reader.closes).toContainEqual({
        code: CollabCloseCode.AccessRevoked,
        reason: 'access_revoked',
      }),
    );
    expect(writer.closes).toEqual([]);
    expect(await upgradeStatus(spotlighted.docName, guestCookie)).toBe(403);
    expect(await upgradeStatus(forum.scenario.commitment.docName, guestCookie)).toBe(403);
    expect((await guest.api.get(`/api/forum-sessions/${session.id}/commitments`)).status).toBe(403);
  });

  it('a spotlight that moves on closes the guest out of a draft that is no longer the session’s', async () => {
    const { session, facilitator } = await scheduleAndJoin();
    const guest = await joinAsGuest(session.joinCode!);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    await send(facilitator, ForumEvent.Spotlight, {
      sessionId: session.id,
      commitmentId: spotlighted.id,
    });
    const reader = openDraft(spotlighted.docName, guest.api.sessionCookie!);
    await eventually(() => expect(reader.provider.synced).toBe(true));
    await send(facilitator, ForumEvent.Spotlight, {
      sessionId: session.id,
      commitmentId: forum.scenario.commitment.id,
    });
    await eventually(() =>
      expect(reader.closes.map((close) => close.code)).toContain(CollabCloseCode.AccessRevoked),
    );
    await send(facilitator, ForumEvent.End, { sessionId: session.id });
  });

  it('a signed-in non-member who joined by code reads the session’s drafts only while it runs', async () => {
    const { session, facilitator } = await scheduleAndJoin();
    const stranger = await signedIn('stranger');
    const cookie = stranger.sessionCookie!;
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    // Not a participant yet: the consultation is closed to them.
    expect(await upgradeStatus(forum.scenario.commitment.docName, cookie)).toBe(403);
    expect((await stranger.post('/api/forum/join', { code: session.joinCode })).status).toBe(200);
    const reader = openDraft(forum.scenario.commitment.docName, cookie);
    await eventually(() => expect(reader.provider.synced).toBe(true));
    expect(reader.accessStates.at(-1)).toEqual({
      access: 'view',
      readOnlyReason: 'role_view_only',
    });
    expect(await upgradeStatus(outside.docName, cookie)).toBe(403);
    const listed = await stranger.get<CommitmentDto[]>(
      `/api/forum-sessions/${session.id}/commitments`,
    );
    expect(listed.body.map((commitment) => commitment.id)).toEqual([forum.scenario.commitment.id]);

    await send(facilitator, ForumEvent.End, { sessionId: session.id });
    await eventually(() =>
      expect(reader.closes.map((close) => close.code)).toContain(CollabCloseCode.AccessRevoked),
    );
    expect(await upgradeStatus(forum.scenario.commitment.docName, cookie)).toBe(403);
  });
});
