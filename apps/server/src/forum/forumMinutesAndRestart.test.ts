import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { bindHeadlessDraftEditor } from '@atelier/collab/draft-editor';
import { timerRemainingMs, type PollCreateInput } from '@atelier/domain';
import { ForumEvent, type ForumRecordDto } from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { webSocketWithCookie } from '../testing/cookieWebSocket';
import { eventually } from '../testing/eventually';
import type { SessionRequest } from './testing/forumRequests';
import { joinSession, send } from './testing/forumSocketClient';
import { useForumTestServer } from './testing/forumTestServer';

const forum = useForumTestServer({ visibility: 'public' });
const { signedIn, screen } = forum;

const closingSession = (): SessionRequest => ({
  title: 'Forum de clôture',
  format: 'in_person',
  agenda: [
    { title: 'Accueil', durationMinutes: 5 },
    { title: 'Engagement 1', durationMinutes: 30, commitmentId: forum.scenario.commitment.id },
  ],
});

const namedPoll: PollCreateInput = {
  question: 'Faut-il publier les jeux de données chaque trimestre ?',
  kind: 'single',
  options: [
    { label: 'Oui', commitmentId: null },
    { label: 'Non', commitmentId: null },
  ],
  dotsPerParticipant: null,
  resultVisibility: 'live',
  anonymous: false,
};

describe('minutes and record of a forum session', () => {
  it('when the session ends, the minutes get the attendance and the poll results, after what people wrote', async () => {
    const { session, facilitatorApi, facilitator } =
      await forum.scheduleWithConsole(closingSession());
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });

    // Someone takes notes in the minutes during the session.
    const contributorApi = await signedIn('contributor');
    const notesDoc = new Y.Doc();
    const notes = bindHeadlessDraftEditor(notesDoc, 'notes');
    const provider = new WebsocketProvider(
      `ws://127.0.0.1:${forum.running.port}/collab`,
      session.minutesDocName,
      notesDoc,
      { disableBc: true, WebSocketPolyfill: webSocketWithCookie(contributorApi.sessionCookie!) },
    );
    await eventually(() => expect(provider.synced).toBe(true));
    const { $createParagraphNode, $createTextNode } = await import('lexical');
    notes.applyEdit(() => {
      $getRoot().append($createParagraphNode().append($createTextNode('Notes de Camille.')));
    });

    const created = await send<{ pollId: string }>(facilitator, ForumEvent.CreatePoll, {
      sessionId: session.id,
      poll: namedPoll,
    });
    const pollId = created.ok ? created.pollId : '';
    await send(facilitator, ForumEvent.OpenPoll, { sessionId: session.id, pollId });
    const contributor = screen({ cookie: contributorApi.sessionCookie });
    const joined = await joinSession(contributor, session.id);
    const yes = joined.snapshot.state.polls[0]!.options[0]!.id;
    await send(contributor, ForumEvent.Vote, {
      sessionId: session.id,
      pollId,
      ballot: { kind: 'choice', optionIds: [yes] },
    });
    const { guestToken } = await forum.joinAsGuest({
      code: session.joinCode,
      displayName: 'Léa',
      participantKind: 'civil_society',
    });
    await joinSession(screen({ guestToken }), session.id);

    // Before the end, the record is the facilitators' only.
    const commenter = await signedIn('commenter');
    expect((await commenter.get(`/api/forum-sessions/${session.id}/record`)).body).toMatchObject({
      error: { code: 'session_not_ended' },
    });

    expect(await send(facilitator, ForumEvent.End, { sessionId: session.id })).toEqual({
      ok: true,
    });

    const text = await forum.readMinutes(session.minutesDocName, commenter.sessionCookie!);
    expect(text).toContain('Compte rendu — Forum de clôture');
    expect(text).toContain('Notes de Camille.');
    expect(text).toContain('Bilan de la séance');
    expect(text).toContain('Participation : 3 personnes');
    expect(text).toContain('société civile : 1');
    expect(text).toContain(`Sondage : ${namedPoll.question}`);
    expect(text).toContain(`Oui : 1 voix (${forum.scenario.people.contributor.displayName})`);
    expect(text).toContain('Non : 0 voix');
    expect(text.indexOf('Notes de Camille.')).toBeLessThan(text.indexOf('Bilan de la séance'));
    // The note-taker's open document received the summary live, too.
    await eventually(() =>
      expect(notes.editor.read(() => $getRoot().getTextContent())).toContain('Bilan de la séance'),
    );
    provider.destroy();
    notes.dispose();

    const record = await commenter.get<ForumRecordDto>(`/api/forum-sessions/${session.id}/record`);
    expect(record.status).toBe(200);
    expect(record.body.attendance).toMatchObject({
      total: 3,
      joinedByRole: { facilitator: 1, member: 1, guest: 1 },
    });
    expect(record.body.polls[0]?.results.totals).toMatchObject({ [yes]: 1 });

    // The code is free again, and joining an ended session by it is the wrong-code 404.
    const late = await new ApiClient(forum.running.baseUrl).post('/api/forum/join', {
      code: session.joinCode,
      displayName: 'Tard',
      participantKind: 'citizen',
    });
    expect(late.status).toBe(404);
    const audit = await facilitatorApi.get<{ action: string }[]>(
      `/api/consultations/${forum.scenario.consultation.id}/audit`,
    );
    expect(audit.body.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['forum.scheduled', 'forum.started', 'forum.ended']),
    );
  });

  it('the minutes are edited by contributors, read by other participants, refused to strangers', async () => {
    const facilitatorApi = await signedIn('facilitator');
    const session = await forum.scheduleSession(facilitatorApi, closingSession());
    const observer = await signedIn('observer');
    const stranger = await signedIn('stranger');
    /** The HTTP status of a refused upgrade, or 101 when the document opens. */
    const upgrade = (cookie: string | null) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(
          `ws://127.0.0.1:${forum.running.port}/collab/${session.minutesDocName}`,
          { headers: cookie ? { cookie } : {} },
        );
        socket.on('error', () => undefined);
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_request, response) => {
          socket.terminate();
          resolve(response.statusCode ?? 0);
        });
      });
    // Someone who is not a member and has not joined the (not yet ended) session: refused.
    expect(await upgrade(stranger.sessionCookie)).toBe(403);
    expect(await upgrade(null)).toBe(401);
    expect(await upgrade(observer.sessionCookie)).toBe(101);
    // Once they joined the session by its code, they read them too.
    await stranger.post('/api/forum/join', { code: session.joinCode });
    expect(await upgrade(stranger.sessionCookie)).toBe(101);
    // A read-only member reads them.
    expect(await forum.readMinutes(session.minutesDocName, observer.sessionCookie!)).toContain(
      'Compte rendu',
    );
  });
});

describe('a restart of the server', () => {
  it('resumes every screen exactly where the room was, votes included', async () => {
    const facilitatorApi = await signedIn('facilitator');
    const contributorApi = await signedIn('contributor');
    const session = await forum.scheduleSession(facilitatorApi, closingSession());
    const { guestToken } = await forum.joinAsGuest({
      code: session.joinCode,
      displayName: 'Noé',
      participantKind: 'citizen',
    });
    const facilitator = screen({ cookie: facilitatorApi.sessionCookie });
    await joinSession(facilitator, session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    await send(facilitator, ForumEvent.GoToItem, { sessionId: session.id, itemIndex: 1 });
    await send(facilitator, ForumEvent.Spotlight, {
      sessionId: session.id,
      commitmentId: forum.scenario.commitment.id,
      passageQuote: 'données',
    });
    const created = await send<{ pollId: string }>(facilitator, ForumEvent.CreatePoll, {
      sessionId: session.id,
      poll: { ...namedPoll, anonymous: true },
    });
    const pollId = created.ok ? created.pollId : '';
    await send(facilitator, ForumEvent.OpenPoll, { sessionId: session.id, pollId });
    const guest = screen({ guestToken });
    const guestJoined = await joinSession(guest, session.id);
    const [yes, no] = guestJoined.snapshot.state.polls[0]!.options.map((option) => option.id);
    await send(guest, ForumEvent.Vote, {
      sessionId: session.id,
      pollId,
      ballot: { kind: 'choice', optionIds: [no!] },
    });
    await send(guest, ForumEvent.RaiseHand, { sessionId: session.id });
    await send(facilitator, ForumEvent.StartBreakout, {
      sessionId: session.id,
      breakout: {
        strategy: 'random',
        commitmentIds: [forum.scenario.commitment.id],
        durationMinutes: 15,
      },
    });
    const before = (await joinSession(guest, session.id)).snapshot;

    await forum.restart();

    const again = screen({ guestToken });
    const after = await joinSession(again, session.id);
    expect(after.you.participantId).toBe(guestJoined.you.participantId);
    expect(after.you.votedPollIds).toEqual([pollId]);
    expect(after.snapshot.state).toEqual(before.state);
    // The countdowns ran on while the server was down: same origin on the server clock.
    const elapsed = after.snapshot.serverNowMs - before.serverNowMs;
    const remainingBefore = timerRemainingMs(before.state.itemTimer!, before.serverNowMs);
    const remainingAfter = timerRemainingMs(
      after.snapshot.state.itemTimer!,
      after.snapshot.serverNowMs,
    );
    expect(Math.abs(remainingBefore - elapsed - remainingAfter)).toBeLessThan(5);
    expect(after.snapshot.state.breakout?.groups[0]?.participantIds).toContain(
      guestJoined.you.participantId,
    );
    expect(after.snapshot.results.find((r) => r.pollId === pollId)).toMatchObject({
      voterCount: 1,
      totals: { [yes!]: 0, [no!]: 1 },
    });
    expect(
      await send(again, ForumEvent.Vote, {
        sessionId: session.id,
        pollId,
        ballot: { kind: 'choice', optionIds: [yes!] },
      }),
    ).toMatchObject({ ok: false, code: 'already_voted' });

    // A signed-in person's session cookie is stored too: they come back as themselves.
    const member = screen({ cookie: contributorApi.sessionCookie });
    const memberJoined = await joinSession(member, session.id);
    expect(
      await send(member, ForumEvent.Vote, {
        sessionId: session.id,
        pollId,
        ballot: { kind: 'choice', optionIds: [yes!] },
      }),
    ).toEqual({ ok: true });
    expect(memberJoined.snapshot.state.version).toBe(before.state.version);
    const facilitatorAgain = screen({ cookie: facilitatorApi.sessionCookie });
    expect(
      (await joinSession(facilitatorAgain, session.id)).snapshot.results.find(
        (r) => r.pollId === pollId,
      )?.totals,
    ).toEqual({ [yes!]: 1, [no!]: 1 });
  });
});

describe('wrong join codes', () => {
  it('are throttled per address against guessing', async () => {
    const client = new ApiClient(forum.running.baseUrl);
    let status = 0;
    for (let attempt = 0; attempt < 25 && status !== 429; attempt += 1) {
      status = (
        await client.post('/api/forum/join', {
          code: 'ZZZZZ2',
          displayName: 'Devin',
          participantKind: 'citizen',
        })
      ).status;
    }
    expect(status).toBe(429);
  });
});
