import { describe, expect, it } from 'vitest';
import { FORUM_LIMITS, type GuestPolicy } from '@atelier/domain';
import { ForumEvent, type ForumRecordDto } from '@atelier/protocol';
import { eventually } from '../testing/eventually';
import { CONTRIBUTION_BURST } from './forumSockets';
import { collect, joinSession, send } from './testing/forumSocketClient';
import { useForumTestServer, type ForumTestRoom } from './testing/forumTestServer';

const forum = useForumTestServer({ visibility: 'public' });
const { signedIn, screen } = forum;

/** A running session (on its commitment item, spotlighted) with the facilitator's console. */
function runningRoom(guestPolicy: GuestPolicy): Promise<ForumTestRoom> {
  return forum.scheduleWithConsole({
    title: 'Forum des contributions',
    format: 'hybrid',
    guestPolicy,
    agenda: [
      { title: 'Accueil', durationMinutes: 5 },
      {
        title: 'Données ouvertes',
        durationMinutes: 30,
        commitmentId: forum.scenario.commitment.id,
      },
    ],
  });
}

async function start(room: ForumTestRoom): Promise<void> {
  const sessionId = room.session.id;
  expect(await send(room.facilitator, ForumEvent.Start, { sessionId })).toEqual({ ok: true });
  await send(room.facilitator, ForumEvent.GoToItem, { sessionId, itemIndex: 1 });
  await send(room.facilitator, ForumEvent.Spotlight, {
    sessionId,
    commitmentId: forum.scenario.commitment.id,
    passageQuote: 'jeux de données',
  });
}

async function guestToken(room: ForumTestRoom, displayName: string): Promise<string> {
  const guest = await forum.joinAsGuest({
    code: room.session.joinCode,
    displayName,
    participantKind: 'civil_society',
  });
  return guest.guestToken;
}

describe('written contributions during a forum session', () => {
  it('a guest under the comment policy contributes; the console and the room see it, as text', async () => {
    const room = await runningRoom('comment');
    const sessionId = room.session.id;
    const guest = screen({ guestToken: await guestToken(room, 'Léa') });
    const guestJoined = await joinSession(guest, sessionId);
    expect(guestJoined.you.mayComment).toBe(true);
    const memberApi = await signedIn('contributor');
    const member = screen({ cookie: memberApi.sessionCookie });
    await joinSession(member, sessionId);
    const atConsole = collect(room.facilitator, ForumEvent.Contribution);
    const atMember = collect(member, ForumEvent.Contribution);

    // Refused before the session runs, stored nowhere.
    expect(await send(guest, ForumEvent.Contribute, { sessionId, body: 'Trop tôt' })).toMatchObject(
      { ok: false, code: 'session_not_live' },
    );
    await start(room);

    const body = '  <img src=x onerror=alert(1)> Publiez les <b>jeux</b> chaque trimestre.\n  ';
    const ack = await send<{ contributionId: string }>(guest, ForumEvent.Contribute, {
      sessionId,
      body,
      withSpotlight: true,
    });
    expect(ack).toMatchObject({ ok: true, contributionId: expect.any(String) });
    const contributionId = ack.ok ? ack.contributionId : '';

    await eventually(() => expect(atConsole).toHaveLength(1));
    expect(atConsole[0]).toMatchObject({
      sessionId,
      total: 1,
      contribution: {
        id: contributionId,
        authorName: 'Léa',
        authorKind: 'civil_society',
        authorRole: 'guest',
        // Kept as the text it is (trimmed), never cleaned into or out of HTML.
        body: '<img src=x onerror=alert(1)> Publiez les <b>jeux</b> chaque trimestre.',
        agendaItemTitle: 'Données ouvertes',
        commitmentId: forum.scenario.commitment.id,
        passageQuote: 'jeux de données',
        hidden: null,
      },
    });
    await eventually(() => expect(atMember).toHaveLength(1));
    expect(atMember[0]?.contribution.body).toBe(atConsole[0]?.contribution.body);

    // A member writes too; without the spotlight it is tied to the item only.
    const second = await send(member, ForumEvent.Contribute, { sessionId, body: 'D’accord.' });
    expect(second).toMatchObject({ ok: true });
    await eventually(() => expect(atConsole).toHaveLength(2));
    expect(atConsole[1]?.contribution).toMatchObject({
      authorRole: 'member',
      commitmentId: null,
      passageQuote: null,
      agendaItemTitle: 'Données ouvertes',
    });
  });

  it('a guest under the observe policy is refused (forbidden) and told so at join', async () => {
    const room = await runningRoom('observe');
    await start(room);
    const guest = screen({ guestToken: await guestToken(room, 'Noé') });
    const joined = await joinSession(guest, room.session.id);
    expect(joined.you.mayComment).toBe(false);
    expect(
      await send(guest, ForumEvent.Contribute, { sessionId: room.session.id, body: 'Bonjour' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(joined.snapshot.contributions).toEqual({ items: [], total: 0 });
    const again = await joinSession(room.facilitator, room.session.id);
    expect(again.snapshot.contributions.total).toBe(0);
  });

  it('bad payloads are invalid_payload, a flood is rate_limited, and nothing extra is stored', async () => {
    const room = await runningRoom('comment');
    const sessionId = room.session.id;
    await start(room);
    const guest = screen({ guestToken: await guestToken(room, 'Sam') });
    await joinSession(guest, sessionId);
    for (const payload of [
      { sessionId, body: '' },
      { sessionId, body: '   ' },
      { sessionId, body: 'x'.repeat(FORUM_LIMITS.contributionMax + 1) },
      { sessionId, body: 42 },
      { sessionId, body: 'ok', withSpotlight: 'yes' },
      { sessionId, body: 'ok', participantId: 'someone-else' },
      { sessionId },
    ]) {
      expect(await send(guest, ForumEvent.Contribute, payload)).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
    }
    const acks = [];
    for (let index = 0; index <= CONTRIBUTION_BURST; index += 1)
      acks.push(await send(guest, ForumEvent.Contribute, { sessionId, body: `Idée ${index}` }));
    expect(acks.slice(0, CONTRIBUTION_BURST).every((ack) => ack.ok)).toBe(true);
    expect(acks[CONTRIBUTION_BURST]).toMatchObject({ ok: false, code: 'rate_limited' });
    // A guest may not moderate.
    expect(
      await send(guest, ForumEvent.HideContribution, {
        sessionId,
        contributionId: 'whatever',
        reason: 'Non',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const snapshot = (await joinSession(room.facilitator, sessionId)).snapshot;
    expect(snapshot.contributions.total).toBe(CONTRIBUTION_BURST);
    expect(snapshot.contributions.items.map((item) => item.body)).toEqual(
      Array.from({ length: CONTRIBUTION_BURST }, (_, index) => `Idée ${index}`),
    );
  });

  it('a facilitator hides one with a reason: the room keeps a trace, reconnecting screens too', async () => {
    const room = await runningRoom('comment');
    const sessionId = room.session.id;
    await start(room);
    const token = await guestToken(room, 'Ana');
    const guest = screen({ guestToken: token });
    await joinSession(guest, sessionId);
    const atGuest = collect(guest, ForumEvent.Contribution);
    const posted = await send<{ contributionId: string }>(guest, ForumEvent.Contribute, {
      sessionId,
      body: 'Un propos déplacé',
    });
    const contributionId = posted.ok ? posted.contributionId : '';
    for (const payload of [
      { sessionId, contributionId, reason: '' },
      { sessionId, contributionId },
      { sessionId, contributionId, reason: 'x'.repeat(FORUM_LIMITS.hideReasonMax + 1) },
    ]) {
      expect(await send(room.facilitator, ForumEvent.HideContribution, payload)).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
    }
    expect(
      await send(room.facilitator, ForumEvent.HideContribution, {
        sessionId,
        contributionId: 'no-such-contribution',
        reason: 'Hors sujet',
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(
      await send(room.facilitator, ForumEvent.HideContribution, {
        sessionId,
        contributionId,
        reason: 'Hors sujet',
      }),
    ).toEqual({ ok: true });

    await eventually(() => expect(atGuest).toHaveLength(2));
    const facilitatorName = forum.scenario.people.facilitator.displayName;
    expect(atGuest[1]?.contribution).toMatchObject({
      id: contributionId,
      authorName: 'Ana',
      body: null,
      hidden: { reason: 'Hors sujet', hiddenByName: facilitatorName },
    });

    // A reconnecting guest screen gets the trace; the console still reads the text.
    guest.disconnect();
    const back = screen({ guestToken: token });
    const rejoined = await joinSession(back, sessionId);
    expect(rejoined.snapshot.contributions.items).toEqual([
      expect.objectContaining({ id: contributionId, body: null, hidden: expect.any(Object) }),
    ]);
    const consoleAgain = await joinSession(
      screen({ cookie: room.facilitatorApi.sessionCookie }),
      sessionId,
    );
    expect(consoleAgain.snapshot.contributions.items[0]).toMatchObject({
      body: 'Un propos déplacé',
      hidden: { reason: 'Hors sujet' },
    });
  });

  it('the minutes and the record hold every contribution once the session ends', async () => {
    const room = await runningRoom('comment');
    const sessionId = room.session.id;
    await start(room);
    const guest = screen({ guestToken: await guestToken(room, 'Inès') });
    await joinSession(guest, sessionId);
    await send(guest, ForumEvent.Contribute, {
      sessionId,
      body: 'Publier <b>chaque</b> trimestre.',
      withSpotlight: true,
    });
    const hiddenAck = await send<{ contributionId: string }>(guest, ForumEvent.Contribute, {
      sessionId,
      body: 'Texte à masquer',
    });
    await send(room.facilitator, ForumEvent.HideContribution, {
      sessionId,
      contributionId: hiddenAck.ok ? hiddenAck.contributionId : '',
      reason: 'Données personnelles',
    });
    expect(await send(room.facilitator, ForumEvent.End, { sessionId })).toEqual({ ok: true });
    expect(
      await send(guest, ForumEvent.Contribute, { sessionId, body: 'Après la fin' }),
    ).toMatchObject({ ok: false, code: 'session_not_live' });

    const reader = await signedIn('commenter');
    const text = await forum.readMinutes(room.session.minutesDocName, reader.sessionCookie!);
    expect(text).toContain('Contributions écrites (2)');
    expect(text).toMatch(
      /\d\d:\d\d UTC — Inès \(société civile, invité·e\) — Données ouvertes \[à propos de « jeux de données »\] : Publier <b>chaque<\/b> trimestre\./,
    );
    expect(text).toContain('contribution masquée par l’animation (motif : Données personnelles)');
    expect(text).not.toContain('Texte à masquer');

    const record = await reader.get<ForumRecordDto>(`/api/forum-sessions/${sessionId}/record`);
    expect(record.status).toBe(200);
    expect(record.body.contributions).toEqual([
      expect.objectContaining({ authorName: 'Inès', body: 'Publier <b>chaque</b> trimestre.' }),
      expect.objectContaining({
        body: null,
        hidden: expect.objectContaining({ reason: 'Données personnelles' }),
      }),
    ]);
  });
});

describe('contributions across a restart', () => {
  it('are stored before they are broadcast, and a restarted server still has them', async () => {
    const room = await runningRoom('comment');
    const sessionId = room.session.id;
    await start(room);
    const token = await guestToken(room, 'Maé');
    const guest = screen({ guestToken: token });
    await joinSession(guest, sessionId);
    const ack = await send<{ contributionId: string }>(guest, ForumEvent.Contribute, {
      sessionId,
      body: 'Avant le redémarrage',
    });
    expect(ack.ok).toBe(true);

    await forum.restart();

    const again = screen({ guestToken: token });
    const after = await joinSession(again, sessionId);
    expect(after.snapshot.contributions).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          id: ack.ok ? ack.contributionId : '',
          authorName: 'Maé',
          body: 'Avant le redémarrage',
          agendaItemTitle: 'Données ouvertes',
        }),
      ],
    });
  });
});
