import { describe, expect, it } from 'vitest';
import {
  timerRemainingMs,
  type ForumSessionCreateInput,
  type ParticipantKind,
  type PollCreateInput,
} from '@atelier/domain';
import {
  ForumEvent,
  type ForumJoinedDto,
  type ForumRecordDto,
  type ForumSessionDto,
  type PollResultsPayload,
} from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { eventually } from '../testing/eventually';
import { signedInClient } from '../testing/signedInClient';
import { aUser, type RoleName } from '../testing/workspaceFixtures';
import { setMemberRole } from '../workspace/commands/memberCommands';
import {
  collect,
  connected,
  joinSession,
  send,
  type ForumClientSocket,
} from './testing/forumSocketClient';
import { useForumTestServer } from './testing/forumTestServer';

const forum = useForumTestServer({ visibility: 'public' });
const { screen } = forum;
const cookies = new Map<string, string>();

/** Two seconds of tolerance would hide a wrong clock; the server's own numbers agree to a few ms. */
const TIMER_TOLERANCE_MS = 250;

async function apiAs(role: RoleName): Promise<ApiClient> {
  const api = await forum.signedIn(role);
  cookies.set(role, api.sessionCookie!);
  return api;
}

async function cookieOf(role: RoleName): Promise<string> {
  if (!cookies.has(role)) await apiAs(role);
  return cookies.get(role)!;
}

async function screenOf(role: RoleName, sessionId: string) {
  const socket = screen({ cookie: await cookieOf(role) });
  const joined = await joinSession(socket, sessionId);
  return { socket, joined };
}

const agenda: ForumSessionCreateInput['agenda'] = [
  { title: 'Accueil', durationMinutes: 5, commitmentId: null },
  { title: 'Ouvrir les données', durationMinutes: 20, commitmentId: null },
];

async function scheduleSession(
  overrides: Partial<ForumSessionCreateInput> = {},
): Promise<ForumSessionDto> {
  const facilitator = await apiAs('facilitator');
  return forum.scheduleSession(facilitator, {
    title: 'Forum Open d’État',
    format: 'hybrid',
    agenda: agenda.map((item) => ({ ...item, commitmentId: forum.scenario.commitment.id })),
    guestPolicy: 'observe',
    ...overrides,
  });
}

async function joinAsGuest(
  code: string,
  displayName = 'Invitée',
  participantKind: ParticipantKind = 'civil_society',
): Promise<string> {
  return (await forum.joinAsGuest({ code, displayName, participantKind })).guestToken;
}

const singlePoll: PollCreateInput = {
  question: 'Quelle priorité pour 2026 ?',
  kind: 'single',
  options: [
    { label: 'Données', commitmentId: null },
    { label: 'Participation', commitmentId: null },
  ],
  dotsPerParticipant: null,
  resultVisibility: 'live',
  anonymous: true,
};

async function openedPoll(
  facilitator: ForumClientSocket,
  sessionId: string,
  poll: PollCreateInput = singlePoll,
): Promise<string> {
  const created = await send<{ pollId: string }>(facilitator, ForumEvent.CreatePoll, {
    sessionId,
    poll,
  });
  if (!created.ok) throw new Error(created.code);
  expect(
    await send(facilitator, ForumEvent.OpenPoll, { sessionId, pollId: created.pollId }),
  ).toEqual({
    ok: true,
  });
  return created.pollId;
}

describe('forum sessions over REST', () => {
  it('facilitators schedule sessions; others may not, and only facilitators see the code', async () => {
    const session = await scheduleSession();
    expect(session).toMatchObject({ status: 'scheduled', guestPolicy: 'observe' });
    expect(session.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(session.minutesDocName).toBe(`forum-minutes-${session.id}`);

    const contributor = await apiAs('contributor');
    const refused = await contributor.post(
      `/api/consultations/${forum.scenario.consultation.id}/forum-sessions`,
      { title: 'x', scheduledAt: '2026-03-01T09:00:00.000Z', format: 'online' },
    );
    expect(refused.status).toBe(403);
    const listed = await contributor.get<ForumSessionDto[]>(
      `/api/consultations/${forum.scenario.consultation.id}/forum-sessions`,
    );
    expect(listed.body.find((s) => s.id === session.id)?.joinCode).toBeNull();
    const facilitator = await apiAs('facilitator');
    const invalid = await facilitator.post(
      `/api/consultations/${forum.scenario.consultation.id}/forum-sessions`,
      { title: '', scheduledAt: 'demain', format: 'online' },
    );
    expect(invalid.status).toBe(400);
    const foreignCommitment = await facilitator.post(
      `/api/consultations/${forum.scenario.consultation.id}/forum-sessions`,
      {
        title: 'x',
        scheduledAt: '2026-03-01T09:00:00.000Z',
        format: 'online',
        agenda: [
          {
            title: 'Ailleurs',
            durationMinutes: 5,
            commitmentId: forum.scenario.otherCommitment.id,
          },
        ],
      },
    );
    expect(foreignCommitment.body).toMatchObject({ error: { code: 'unknown_commitment' } });
  });

  it('is in the OpenAPI document and in the consultation’s audit log', async () => {
    const session = await scheduleSession();
    const openApi = await new ApiClient(forum.running.baseUrl).get<{
      paths: Record<string, unknown>;
    }>('/api/openapi.json');
    for (const path of [
      '/consultations/{id}/forum-sessions',
      '/forum-sessions/{id}',
      '/forum/join',
      '/forum-sessions/{id}/record',
      '/forum-sessions/{id}/commitments',
    ])
      expect(Object.keys(openApi.body.paths)).toContain(path);
    const audit = await (
      await apiAs('facilitator')
    ).get<{ action: string; target: string }[]>(
      `/api/consultations/${forum.scenario.consultation.id}/audit`,
    );
    expect(audit.body).toContainEqual(
      expect.objectContaining({ action: 'forum.scheduled', target: `forum_session:${session.id}` }),
    );
  });

  it('joins by code as a guest and as a signed-in non-member; a wrong code is a 404', async () => {
    const session = await scheduleSession();
    const guestToken = await joinAsGuest(session.joinCode!.toLowerCase());
    expect(guestToken.length).toBeGreaterThan(20);

    const stranger = await apiAs('stranger');
    // Not a member and not joined: the socket is refused the session.
    const early = screen({ cookie: await cookieOf('stranger') });
    await connected(early);
    expect(await send(early, ForumEvent.Join, { sessionId: session.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const joined = await stranger.post<ForumJoinedDto>('/api/forum/join', {
      code: session.joinCode,
    });
    expect(joined.body).toEqual({
      sessionId: session.id,
      consultationId: forum.scenario.consultation.id,
      guestToken: null,
    });
    const { joined: asStranger } = await screenOf('stranger', session.id);
    expect(asStranger.you.role).toBe('signed_in');

    const guest = screen({ guestToken });
    const asGuest = await joinSession(guest, session.id);
    expect(asGuest.you).toMatchObject({ role: 'guest', displayName: 'Invitée', mayComment: false });
    expect(asGuest.snapshot.session.joinCode).toBeNull();

    const wrong = await new ApiClient(forum.running.baseUrl).post('/api/forum/join', {
      code: 'ZZZZZZ',
      displayName: 'X',
      participantKind: 'citizen',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_join_code' } });
    const noName = await new ApiClient(forum.running.baseUrl).post('/api/forum/join', {
      code: session.joinCode,
    });
    expect(noName.status).toBe(400);
  });

  it('refuses a socket with neither a session cookie nor a guest token', async () => {
    const anonymous = screen({ guestToken: 'not-a-token' });
    await expect(connected(anonymous)).rejects.toThrow('unauthenticated');
  });
});

describe('a live session over Socket.io', () => {
  it('agenda and timers agree across screens, on the server clock', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    const { socket: member } = await screenOf('contributor', session.id);
    const guest = screen({ guestToken: await joinAsGuest(session.joinCode!) });
    await joinSession(guest, session.id);
    const memberStates = collect(member, ForumEvent.State);
    const guestStates = collect(guest, ForumEvent.State);

    expect(await send(facilitator, ForumEvent.Start, { sessionId: session.id })).toEqual({
      ok: true,
    });
    expect(
      await send(facilitator, ForumEvent.GoToItem, { sessionId: session.id, itemIndex: 1 }),
    ).toEqual({
      ok: true,
    });
    await eventually(() => {
      expect(memberStates.at(-1)?.state.currentItemIndex).toBe(1);
      expect(guestStates.at(-1)?.state.currentItemIndex).toBe(1);
    });
    const [a, b] = [memberStates.at(-1)!, guestStates.at(-1)!];
    expect(a.state.version).toBe(b.state.version);
    const remainingA = timerRemainingMs(a.state.itemTimer!, a.serverNowMs);
    const remainingB = timerRemainingMs(b.state.itemTimer!, b.serverNowMs);
    expect(Math.abs(remainingA - remainingB)).toBeLessThan(TIMER_TOLERANCE_MS);
    expect(20 * 60_000 - remainingA).toBeLessThan(TIMER_TOLERANCE_MS);

    // A screen joining later computes the same time left from its snapshot.
    const late = await screenOf('observer', session.id);
    const snapshot = late.joined.snapshot;
    const elapsedSinceB = snapshot.serverNowMs - b.serverNowMs;
    expect(
      Math.abs(
        timerRemainingMs(snapshot.state.itemTimer!, snapshot.serverNowMs) -
          (remainingB - elapsedSinceB),
      ),
    ).toBeLessThan(TIMER_TOLERANCE_MS);

    expect(
      await send(member, ForumEvent.GoToItem, { sessionId: session.id, itemIndex: 0 }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await send(facilitator, ForumEvent.GoToItem, { sessionId: session.id, itemIndex: 7 }),
    ).toMatchObject({
      ok: false,
      code: 'no_such_item',
    });
  });

  it('pause freezes the countdown for everyone; resume continues it', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    const { socket: member } = await screenOf('contributor', session.id);
    const states = collect(member, ForumEvent.State);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    await send(facilitator, ForumEvent.Pause, { sessionId: session.id });
    await eventually(() => expect(states.at(-1)?.state.status).toBe('paused'));
    const paused = states.at(-1)!;
    expect(paused.state.itemTimer!.startedAtMs).toBeNull();
    const frozen = timerRemainingMs(paused.state.itemTimer!, paused.serverNowMs);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await send(facilitator, ForumEvent.Resume, { sessionId: session.id });
    await eventually(() => expect(states.at(-1)?.state.status).toBe('live'));
    const resumed = states.at(-1)!;
    // At the instant it resumed, exactly the frozen time was left (the broadcast itself may
    // leave a few ms later on a busy machine, so its serverNowMs is not the reference).
    const resumedTimer = resumed.state.itemTimer!;
    expect(resumedTimer.startedAtMs).not.toBeNull();
    expect(timerRemainingMs(resumedTimer, resumedTimer.startedAtMs!)).toBe(frozen);
    expect(frozen - timerRemainingMs(resumedTimer, resumed.serverNowMs)).toBeLessThan(1_000);
  });

  it('the spotlight reaches every screen', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    const { socket: member } = await screenOf('commenter', session.id);
    const guest = screen({ guestToken: await joinAsGuest(session.joinCode!) });
    await joinSession(guest, session.id);
    const seen = [collect(member, ForumEvent.State), collect(guest, ForumEvent.State)];
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    expect(
      await send(facilitator, ForumEvent.Spotlight, {
        sessionId: session.id,
        commitmentId: forum.scenario.commitment.id,
        passageQuote: 'les données publiques',
      }),
    ).toEqual({ ok: true });
    for (const states of seen) {
      await eventually(() =>
        expect(states.at(-1)?.state.spotlight).toMatchObject({
          commitmentId: forum.scenario.commitment.id,
          passageQuote: 'les données publiques',
        }),
      );
    }
    expect(
      await send(facilitator, ForumEvent.Spotlight, {
        sessionId: session.id,
        commitmentId: forum.scenario.otherCommitment.id,
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('a vote counts once, sent twice and from two tabs of one person at the same time', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const results = collect(facilitator, ForumEvent.PollResults);
    const pollId = await openedPoll(facilitator, session.id);
    const tabA = await screenOf('contributor', session.id);
    const tabB = await screenOf('contributor', session.id);
    expect(tabA.joined.you.participantId).toBe(tabB.joined.you.participantId);
    const optionId = tabA.joined.snapshot.state.polls[0]!.options[0]!.id;
    const ballot = { kind: 'choice', optionIds: [optionId] };
    const acks = await Promise.all(
      [tabA.socket, tabA.socket, tabB.socket, tabB.socket].map((socket) =>
        send(socket, ForumEvent.Vote, { sessionId: session.id, pollId, ballot }),
      ),
    );
    expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
    expect(acks.filter((ack) => !ack.ok).map((ack) => !ack.ok && ack.code)).toEqual([
      'already_voted',
      'already_voted',
      'already_voted',
    ]);
    await eventually(() =>
      expect(results.filter((r) => r.pollId === pollId).at(-1)).toMatchObject({
        voterCount: 1,
        totals: { [optionId]: 1 },
      }),
    );
    expect(await forum.running.storage.forum.listVotes(session.id)).toHaveLength(1);
    // The other tab learns it has voted when it (re)joins.
    const tabC = await screenOf('contributor', session.id);
    expect(tabC.joined.you.votedPollIds).toEqual([pollId]);
    expect(
      await send(tabA.socket, ForumEvent.Vote, {
        sessionId: session.id,
        pollId,
        ballot: { kind: 'choice', optionIds: ['nope'] },
      }),
    ).toMatchObject({ ok: false, code: 'already_voted' });
  });

  it('guests never open polls; under `observe` they raise a hand but write no topic', async () => {
    const session = await scheduleSession({ guestPolicy: 'observe' });
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const created = await send<{ pollId: string }>(facilitator, ForumEvent.CreatePoll, {
      sessionId: session.id,
      poll: singlePoll,
    });
    const guest = screen({ guestToken: await joinAsGuest(session.joinCode!) });
    const joined = await joinSession(guest, session.id);
    const pollId = created.ok ? created.pollId : '';
    expect(await send(guest, ForumEvent.OpenPoll, { sessionId: session.id, pollId })).toMatchObject(
      {
        ok: false,
        code: 'forbidden',
      },
    );
    expect(
      await send(guest, ForumEvent.CreatePoll, { sessionId: session.id, poll: singlePoll }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await send(guest, ForumEvent.RaiseHand, { sessionId: session.id, topic: 'Une remarque' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await send(guest, ForumEvent.RaiseHand, { sessionId: session.id })).toEqual({
      ok: true,
    });
    expect(
      await send(guest, ForumEvent.LowerHand, {
        sessionId: session.id,
        participantId: (await screenOf('contributor', session.id)).joined.you.participantId,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });

    // The facilitator lets guests comment: it applies to the next command.
    const facilitatorApi = await apiAs('facilitator');
    const patched = await facilitatorApi.patch<ForumSessionDto>(
      `/api/forum-sessions/${session.id}`,
      {
        guestPolicy: 'comment',
      },
    );
    expect(patched.body).toMatchObject({ guestPolicy: 'comment', agenda: [{}, {}] });
    expect(
      await send(guest, ForumEvent.RaiseHand, { sessionId: session.id, topic: 'Une remarque' }),
    ).toEqual({ ok: true });
    const hands = (await joinSession(screen({ cookie: await cookieOf('facilitator') }), session.id))
      .snapshot.state.hands;
    expect(hands).toEqual([
      expect.objectContaining({ participantId: joined.you.participantId, topic: 'Une remarque' }),
    ]);
  });

  it('a reconnecting participant gets the current state', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const guestToken = await joinAsGuest(session.joinCode!);
    const first = screen({ guestToken });
    const firstJoin = await joinSession(first, session.id);
    first.disconnect();
    await send(facilitator, ForumEvent.GoToItem, { sessionId: session.id, itemIndex: 1 });
    await send(facilitator, ForumEvent.Spotlight, {
      sessionId: session.id,
      commitmentId: forum.scenario.commitment.id,
    });
    const again = await joinSession(screen({ guestToken }), session.id);
    expect(again.you.participantId).toBe(firstJoin.you.participantId);
    expect(again.snapshot.state).toMatchObject({
      currentItemIndex: 1,
      spotlight: { commitmentId: forum.scenario.commitment.id },
      status: 'live',
    });
    expect(again.snapshot.state.version).toBeGreaterThan(firstJoin.snapshot.state.version);
  });

  it('results of an `after_close` poll reach participants only when it closes; facilitators always', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const member = await screenOf('contributor', session.id);
    const memberResults = collect(member.socket, ForumEvent.PollResults);
    const facilitatorResults = collect(facilitator, ForumEvent.PollResults);
    const pollId = await openedPoll(facilitator, session.id, {
      ...singlePoll,
      resultVisibility: 'after_close',
    });
    const poll = (await joinSession(member.socket, session.id)).snapshot.state.polls.find(
      (p) => p.id === pollId,
    )!;
    await send(member.socket, ForumEvent.Vote, {
      sessionId: session.id,
      pollId,
      ballot: { kind: 'choice', optionIds: [poll.options[1]!.id] },
    });
    const last = (list: PollResultsPayload[]) => list.filter((r) => r.pollId === pollId).at(-1);
    await eventually(() => expect(last(facilitatorResults)?.voterCount).toBe(1));
    await eventually(() => expect(last(memberResults)?.voterCount).toBe(1));
    expect(last(facilitatorResults)?.totals).toEqual({
      [poll.options[0]!.id]: 0,
      [poll.options[1]!.id]: 1,
    });
    expect(last(memberResults)?.totals).toBeNull();
    const rejoined = await joinSession(member.socket, session.id);
    expect(rejoined.snapshot.results.find((r) => r.pollId === pollId)?.totals).toBeNull();

    await send(facilitator, ForumEvent.ClosePoll, { sessionId: session.id, pollId });
    await eventually(() =>
      expect(last(memberResults)?.totals).toEqual(last(facilitatorResults)?.totals),
    );
  });

  it('named polls show who voted for what; anonymous ones never do', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const results = collect(facilitator, ForumEvent.PollResults);
    const named = await openedPoll(facilitator, session.id, { ...singlePoll, anonymous: false });
    const anonymous = await openedPoll(facilitator, session.id);
    const member = await screenOf('contributor', session.id);
    const memberResults = collect(member.socket, ForumEvent.PollResults);
    const polls = member.joined.snapshot.state.polls;
    for (const pollId of [named, anonymous]) {
      const option = polls.find((p) => p.id === pollId)!.options[0]!.id;
      await send(member.socket, ForumEvent.Vote, {
        sessionId: session.id,
        pollId,
        ballot: { kind: 'choice', optionIds: [option] },
      });
    }
    const namedOption = polls.find((p) => p.id === named)!.options[0]!.id;
    await eventually(() => {
      expect(results.filter((r) => r.pollId === named).at(-1)?.voters).toEqual({
        [namedOption]: [forum.scenario.people.contributor.displayName],
      });
      expect(memberResults.filter((r) => r.pollId === named).at(-1)?.voters).toEqual({
        [namedOption]: [forum.scenario.people.contributor.displayName],
      });
      expect(results.filter((r) => r.pollId === anonymous).at(-1)?.voterCount).toBe(1);
    });
    expect(results.filter((r) => r.pollId === anonymous).every((r) => r.voters === null)).toBe(
      true,
    );
  });

  it('dot votes and scales are checked and tallied', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const dots = await openedPoll(facilitator, session.id, {
      ...singlePoll,
      kind: 'dots',
      dotsPerParticipant: 3,
    });
    const scale = await openedPoll(facilitator, session.id, {
      ...singlePoll,
      kind: 'scale',
      options: [],
    });
    const member = await screenOf('contributor', session.id);
    const [dotsPoll, scalePoll] = [dots, scale].map((id) =>
      member.joined.snapshot.state.polls.find((p) => p.id === id)!,
    );
    expect(scalePoll!.options.map((o) => o.label)).toEqual(['1', '2', '3', '4', '5']);
    const [o1, o2] = dotsPoll!.options.map((o) => o.id);
    expect(
      await send(member.socket, ForumEvent.Vote, {
        sessionId: session.id,
        pollId: dots,
        ballot: { kind: 'dots', dots: { [o1!]: 3, [o2!]: 1 } },
      }),
    ).toMatchObject({ ok: false, code: 'invalid_ballot' });
    expect(
      await send(member.socket, ForumEvent.Vote, {
        sessionId: session.id,
        pollId: dots,
        ballot: { kind: 'dots', dots: { [o1!]: 2, [o2!]: 1 } },
      }),
    ).toEqual({ ok: true });
    const record = await (
      await apiAs('facilitator')
    ).get<ForumRecordDto>(`/api/forum-sessions/${session.id}/record`);
    expect(record.body.polls.find((p) => p.poll.id === dots)?.results.totals).toEqual({
      [o1!]: 2,
      [o2!]: 1,
    });
  });

  it('reactions reach the room and are rate limited', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const reactions = collect(facilitator, ForumEvent.Reaction);
    const guest = screen({ guestToken: await joinAsGuest(session.joinCode!) });
    await joinSession(guest, session.id);
    const acks = [];
    for (let index = 0; index < 12; index += 1)
      acks.push(await send(guest, ForumEvent.React, { sessionId: session.id, kind: 'agree' }));
    const accepted = acks.filter((ack) => ack.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThan(12);
    expect(acks.find((ack) => !ack.ok)).toMatchObject({ code: 'rate_limited' });
    await eventually(() => expect(reactions).toHaveLength(accepted));
    expect(reactions[0]).toMatchObject({ sessionId: session.id, kind: 'agree' });
  });

  it('malformed commands are answered invalid_payload and the server carries on', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    const malformed: [string, unknown][] = [
      [ForumEvent.Start, null],
      [ForumEvent.Start, 'session'],
      [ForumEvent.Start, { sessionId: { $ne: null } }],
      [ForumEvent.GoToItem, { sessionId: session.id, itemIndex: 'deux' }],
      [ForumEvent.CreatePoll, { sessionId: session.id, poll: { question: 'Q', kind: 'ranked' } }],
      [ForumEvent.CreatePoll, { sessionId: session.id, poll: { ...singlePoll, options: [] } }],
      [
        ForumEvent.Vote,
        { sessionId: session.id, pollId: 'p', ballot: { kind: 'choice', optionIds: 'o' } },
      ],
      [ForumEvent.React, { sessionId: session.id, kind: 'boo' }],
      [ForumEvent.Join, [session.id]],
      [ForumEvent.Spotlight, { sessionId: session.id, commitmentId: 'x', extra: true }],
    ];
    for (const [event, payload] of malformed) {
      expect(await send(facilitator, event, payload), event).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
    }
    // No ack function, unknown events: ignored.
    (facilitator as unknown as { emit: (...args: unknown[]) => void }).emit(ForumEvent.Start, {
      sessionId: session.id,
    });
    (facilitator as unknown as { emit: (...args: unknown[]) => void }).emit('forum:nonsense', 1, 2);
    expect(await send(facilitator, ForumEvent.Start, { sessionId: session.id })).toEqual({
      ok: true,
    });
    const member = screen({ cookie: await cookieOf('contributor') });
    await connected(member);
    expect(await send(member, ForumEvent.RaiseHand, { sessionId: session.id })).toMatchObject({
      ok: false,
      code: 'not_joined',
    });
  });

  it('breakout groups mix organisations, follow their commitment and come back to plenary', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const people = [
      await screenOf('contributor', session.id),
      await screenOf('commenter', session.id),
      await screenOf('observer', session.id),
    ];
    for (const kind of ['civil_society', 'citizen', 'civil_society'] as const) {
      const guest = screen({
        guestToken: await joinAsGuest(session.joinCode!, `Invité ${kind}`, kind),
      });
      people.push({ socket: guest, joined: await joinSession(guest, session.id) });
    }
    const states = collect(people[0]!.socket, ForumEvent.State);
    expect(
      await send(facilitator, ForumEvent.StartBreakout, {
        sessionId: session.id,
        breakout: {
          strategy: 'organisation_mix',
          commitmentIds: [forum.scenario.commitment.id, forum.scenario.commitment.id],
          durationMinutes: 10,
        },
      }),
    ).toEqual({ ok: true });
    await eventually(() => expect(states.at(-1)?.state.breakout).toBeTruthy());
    const breakout = states.at(-1)!.state.breakout!;
    const everyone = breakout.groups.flatMap((group) => group.participantIds);
    expect(everyone.sort()).toEqual(people.map((p) => p.joined.you.participantId).sort());
    expect(breakout.groups.map((group) => group.participantIds.length)).toEqual([3, 3]);
    expect(timerRemainingMs(breakout.timer, states.at(-1)!.serverNowMs)).toBeGreaterThan(
      10 * 60_000 - TIMER_TOLERANCE_MS,
    );
    expect(
      await send(facilitator, ForumEvent.StartBreakout, {
        sessionId: session.id,
        breakout: {
          strategy: 'random',
          commitmentIds: [forum.scenario.commitment.id],
          durationMinutes: 5,
        },
      }),
    ).toMatchObject({ ok: false, code: 'breakout_running' });
    expect(await send(facilitator, ForumEvent.EndBreakout, { sessionId: session.id })).toEqual({
      ok: true,
    });
    await eventually(() => expect(states.at(-1)?.state.breakout).toBeNull());
  });

  it('attendance counts people by kind; the list goes to facilitators only', async () => {
    const session = await scheduleSession();
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    const attendance = collect(facilitator, ForumEvent.Attendance);
    const member = await screenOf('contributor', session.id);
    const memberAttendance = collect(member.socket, ForumEvent.Attendance);
    const guest = screen({
      guestToken: await joinAsGuest(session.joinCode!, 'Citoyenne', 'citizen'),
    });
    await joinSession(guest, session.id);
    await eventually(() => {
      expect(attendance.at(-1)).toMatchObject({
        connectedCount: 3,
        joinedByKind: { administration: 2, citizen: 1 },
      });
      expect(attendance.at(-1)?.participants?.map((p) => p.displayName)).toContain('Citoyenne');
      expect(memberAttendance.at(-1)).toMatchObject({ connectedCount: 3, participants: null });
    });
    guest.disconnect();
    await eventually(() => expect(attendance.at(-1)?.connectedCount).toBe(2));
    expect(
      attendance.at(-1)?.participants?.find((p) => p.displayName === 'Citoyenne')?.connected,
    ).toBe(false);
  });

  it('a role change reaches screens already in the session', async () => {
    const session = await scheduleSession();
    const person = await aUser(forum.running.context, { label: 'cofacilitatrice' });
    await setMemberRole(
      forum.running.context,
      forum.scenario.admin,
      forum.scenario.consultation.id,
      person.id,
      'facilitator',
    );
    const api = await signedInClient(forum.running.baseUrl, person);
    const socket = screen({ cookie: api.sessionCookie });
    expect((await joinSession(socket, session.id)).you.role).toBe('facilitator');
    const states = collect(socket, ForumEvent.State);
    const attendance = collect(socket, ForumEvent.Attendance);

    const facilitatorApi = await apiAs('facilitator');
    const demoted = await facilitatorApi.put(
      `/api/consultations/${forum.scenario.consultation.id}/members/${person.id}`,
      { role: 'observer' },
    );
    expect(demoted.status).toBe(200);
    // Commands are decided on the role now; the facilitators' room is left.
    await eventually(async () =>
      expect(await send(socket, ForumEvent.Start, { sessionId: session.id })).toMatchObject({
        ok: false,
        code: 'forbidden',
      }),
    );
    await screenOf('contributor', session.id);
    await eventually(() => expect(attendance.at(-1)?.participants).toBeNull());

    const removed = await facilitatorApi.delete(
      `/api/consultations/${forum.scenario.consultation.id}/members/${person.id}`,
    );
    expect(removed.status).toBe(204);
    const { socket: facilitator } = await screenOf('facilitator', session.id);
    await eventually(async () =>
      expect(await send(socket, ForumEvent.RaiseHand, { sessionId: session.id })).toMatchObject({
        ok: false,
      }),
    );
    const heard = states.length;
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    await screenOf('commenter', session.id); // a later event, to be sure the start went out
    expect(states.length).toBe(heard);
  });
});
