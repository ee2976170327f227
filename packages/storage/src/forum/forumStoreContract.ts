import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForumContribution, ForumLiveState, ForumSession } from '@atelier/domain';
import { OPERATOR_INJECTION } from '../contract/operatorInjection';
import { JoinCodeTakenError, type ForumStore, type NewForumParticipant } from './forumStore';

/** What an adapter's test file hands the contract for each test. */
export interface ForumStoreUnderTest {
  readonly store: ForumStore;
  readonly cleanup: () => Promise<void>;
}

const RACERS = 10;
let codeCounter = 0;

export function aForumSession(overrides: Partial<ForumSession> = {}): ForumSession {
  const id = overrides.id ?? randomUUID();
  codeCounter += 1;
  return {
    id,
    consultationId: 'consultation-1',
    title: 'Forum Open d’État',
    scheduledAt: '2026-03-01T09:00:00.000Z',
    format: 'hybrid',
    agenda: [{ id: 'item-1', title: 'Accueil', durationMinutes: 10, commitmentId: null }],
    joinCode: `C${String(codeCounter).padStart(5, '2')}`,
    guestPolicy: 'observe',
    minutesDocName: `forum-minutes-${id}`,
    createdBy: 'user-facilitator',
    createdAt: '2026-02-01T09:00:00.000Z',
    ...overrides,
  };
}

export function aLiveState(overrides: Partial<ForumLiveState> = {}): ForumLiveState {
  return {
    status: 'scheduled',
    version: 1,
    currentItemIndex: null,
    itemTimer: null,
    spotlight: null,
    hands: [],
    floorParticipantId: null,
    polls: [],
    breakout: null,
    startedAt: null,
    endedAt: null,
    ...overrides,
  };
}

function aContribution(overrides: Partial<ForumContribution> = {}): ForumContribution {
  return {
    id: randomUUID(),
    sessionId: 'session-1',
    participantId: 'participant-1',
    body: 'Pensez aux données <b>ouvertes</b>.',
    agendaItemId: 'item-1',
    agendaItemTitle: 'Accueil',
    commitmentId: null,
    passageQuote: null,
    createdAt: '2026-03-01T09:10:00.000Z',
    hidden: null,
    ...overrides,
  };
}

function aParticipant(overrides: Partial<NewForumParticipant> = {}): NewForumParticipant {
  return {
    id: randomUUID(),
    sessionId: 'session-1',
    role: 'member',
    userId: randomUUID(),
    guestTokenHash: null,
    displayName: 'Camille',
    participantKind: 'administration',
    joinedAt: '2026-03-01T09:01:00.000Z',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The behaviour every ForumStore adapter shares; each test gets an empty store. */
export function describeForumStoreContract(
  adapterName: string,
  openStore: () => Promise<ForumStoreUnderTest>,
): void {
  describe(`ForumStore contract: ${adapterName}`, () => {
    let underTest: ForumStoreUnderTest;
    let store: ForumStore;

    beforeEach(async () => {
      underTest = await openStore();
      store = underTest.store;
    });
    afterEach(async () => underTest.cleanup());

    it('stores a session’s definition and live state and lists a consultation’s by date', async () => {
      const later = aForumSession({ scheduledAt: '2026-04-01T09:00:00.000Z' });
      const earlier = aForumSession({ scheduledAt: '2026-03-01T09:00:00.000Z' });
      const elsewhere = aForumSession({ consultationId: 'consultation-2' });
      for (const session of [later, earlier, elsewhere])
        await store.createSession(session, aLiveState());
      expect(await store.findSession(earlier.id)).toEqual({
        session: earlier,
        state: aLiveState(),
      });
      expect((await store.listSessions('consultation-1')).map((s) => s.session.id)).toEqual([
        earlier.id,
        later.id,
      ]);
      expect(await store.findSession('nope')).toBeNull();
    });

    it('a join code is unique among sessions that have not ended, and free again after', async () => {
      const first = aForumSession({ joinCode: 'ABC234' });
      await store.createSession(first, aLiveState());
      expect(
        await rejection(store.createSession(aForumSession({ joinCode: 'ABC234' }), aLiveState())),
      ).toBeInstanceOf(JoinCodeTakenError);
      expect((await store.findOpenSessionByJoinCode('ABC234'))?.session.id).toBe(first.id);

      expect(await store.saveState(first.id, aLiveState({ status: 'ended', version: 2 }))).toBe(
        true,
      );
      expect(await store.findOpenSessionByJoinCode('ABC234')).toBeNull();
      const second = aForumSession({ joinCode: 'ABC234' });
      await store.createSession(second, aLiveState());
      expect((await store.findOpenSessionByJoinCode('ABC234'))?.session.id).toBe(second.id);
      // The ended session keeps its code in its definition, for the record.
      expect((await store.findSession(first.id))?.session.joinCode).toBe('ABC234');
    });

    it('changing a definition keeps its identity and checks the code', async () => {
      const session = aForumSession({ joinCode: 'DEF234' });
      const other = aForumSession({ joinCode: 'GHJ234' });
      await store.createSession(session, aLiveState());
      await store.createSession(other, aLiveState());
      expect(
        await store.updateDefinition({
          ...session,
          title: 'Nouveau titre',
          createdBy: 'someone-else',
        }),
      ).toBe(true);
      expect((await store.findSession(session.id))?.session).toEqual({
        ...session,
        title: 'Nouveau titre',
      });
      expect(
        await rejection(store.updateDefinition({ ...session, joinCode: 'GHJ234' })),
      ).toBeInstanceOf(JoinCodeTakenError);
      expect(await store.updateDefinition(aForumSession())).toBe(false);
    });

    it('a state is written only over an older version', async () => {
      const session = aForumSession();
      await store.createSession(session, aLiveState());
      expect(await store.saveState(session.id, aLiveState({ status: 'live', version: 3 }))).toBe(
        true,
      );
      expect(await store.saveState(session.id, aLiveState({ status: 'paused', version: 2 }))).toBe(
        false,
      );
      expect(await store.saveState(session.id, aLiveState({ status: 'paused', version: 3 }))).toBe(
        false,
      );
      expect((await store.findSession(session.id))?.state).toMatchObject({
        status: 'live',
        version: 3,
      });
      expect(await store.saveState('nope', aLiveState({ version: 9 }))).toBe(false);
    });

    it('one participant per user per session, whatever races to add them', async () => {
      const userId = randomUUID();
      const added = await Promise.all(
        Array.from({ length: RACERS }, (_, index) =>
          store.addParticipant(
            aParticipant({ userId, joinedAt: `2026-03-01T09:0${index}:00.000Z` }),
          ),
        ),
      );
      expect(new Set(added.map((participant) => participant.id)).size).toBe(1);
      const inOtherSession = await store.addParticipant(
        aParticipant({ userId, sessionId: 'session-2' }),
      );
      expect(inOtherSession.id).not.toBe(added[0]!.id);
      expect(await store.findParticipantByUser('session-1', userId)).toEqual(added[0]);
      expect(await store.listParticipants('session-1')).toHaveLength(1);
    });

    it('guests are found by their token hash only, and keep their first join', async () => {
      const guest = aParticipant({
        role: 'guest',
        userId: null,
        guestTokenHash: 'a'.repeat(64),
        displayName: 'Invité',
        participantKind: 'civil_society',
      });
      const first = await store.addParticipant(guest);
      const again = await store.addParticipant({
        ...guest,
        id: randomUUID(),
        joinedAt: '2026-03-01T10:00:00.000Z',
      });
      expect(again).toEqual(first);
      expect(first).toMatchObject({ userId: null, role: 'guest', joinedAt: guest.joinedAt });
      expect(first).not.toHaveProperty('guestTokenHash');
      expect(await store.findParticipantByGuestTokenHash('a'.repeat(64))).toEqual(first);
      expect(await store.findParticipantByGuestTokenHash('b'.repeat(64))).toBeNull();
    });

    it('lists participants in the order they joined', async () => {
      const a = await store.addParticipant(aParticipant({ joinedAt: '2026-03-01T09:01:00.000Z' }));
      const b = await store.addParticipant(aParticipant({ joinedAt: '2026-03-01T09:02:00.000Z' }));
      expect((await store.listParticipants('session-1')).map((p) => p.id)).toEqual([a.id, b.id]);
    });

    it('a participant votes once per poll, even when two votes race', async () => {
      const vote = {
        sessionId: 'session-1',
        pollId: 'poll-1',
        participantId: 'participant-1',
        ballot: { kind: 'choice' as const, optionIds: ['o1'] },
        castAt: '2026-03-01T09:05:00.000Z',
      };
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, index) =>
          store.recordVote({ ...vote, ballot: { kind: 'choice', optionIds: [`o${index}`] } }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(
        await store.recordVote({
          ...vote,
          pollId: 'poll-2',
          ballot: { kind: 'dots', dots: { o1: 2 } },
        }),
      ).toBe(true);
      const votes = await store.listVotes('session-1');
      expect(votes).toHaveLength(2);
      expect(votes[1]).toEqual({
        ...vote,
        pollId: 'poll-2',
        ballot: { kind: 'dots', dots: { o1: 2 } },
      });
      expect(await store.listVotes('session-2')).toEqual([]);
    });

    it('keeps contributions in the order they were written, each session its own', async () => {
      const first = aContribution({ createdAt: '2026-03-01T09:10:00.000Z' });
      const second = aContribution({
        createdAt: '2026-03-01T09:11:00.000Z',
        participantId: 'participant-2',
        agendaItemId: null,
        agendaItemTitle: null,
        commitmentId: 'commitment-1',
        passageQuote: 'publier les données',
      });
      await store.addContribution(first);
      await store.addContribution(second);
      await store.addContribution(aContribution({ sessionId: 'session-2' }));
      expect(await store.listContributions('session-1')).toEqual([first, second]);
      expect(await store.listContributions('session-3')).toEqual([]);
      expect(await rejection(store.addContribution(first))).toBeInstanceOf(Error);
      expect(
        await rejection(
          store.addContribution(
            aContribution({
              hidden: { reason: 'x', hiddenByParticipantId: 'f', hiddenAt: first.createdAt },
            }),
          ),
        ),
      ).toBeInstanceOf(TypeError);
    });

    it('hides a contribution of its own session once; the first reason stays', async () => {
      const contribution = aContribution();
      await store.addContribution(contribution);
      const hiding = {
        reason: 'Propos injurieux',
        hiddenByParticipantId: 'facilitator-1',
        hiddenAt: '2026-03-01T09:12:00.000Z',
      };
      expect(await store.hideContribution('session-2', contribution.id, hiding)).toBe(false);
      expect(await store.hideContribution('session-1', 'no-such-id', hiding)).toBe(false);
      const racing = await Promise.all(
        Array.from({ length: RACERS }, (_, index) =>
          store.hideContribution('session-1', contribution.id, {
            ...hiding,
            reason: `Motif ${index}`,
          }),
        ),
      );
      expect(racing.filter(Boolean)).toHaveLength(1);
      const [stored] = await store.listContributions('session-1');
      expect(stored?.body).toBe(contribution.body);
      expect(stored?.hidden?.reason).toMatch(/^Motif \d$/);
      expect(stored?.hidden).toMatchObject({
        hiddenByParticipantId: 'facilitator-1',
        hiddenAt: '2026-03-01T09:12:00.000Z',
      });
    });

    it('refuses keys that are not strings before building a query', async () => {
      for (const call of forumOperatorInjectionCalls(store)) {
        expect(await rejection(call())).toBeInstanceOf(TypeError);
      }
    });
  });
}

/** One call per method that takes a key, with a MongoDB operator where a string belongs. */
export function forumOperatorInjectionCalls(store: ForumStore): (() => Promise<unknown>)[] {
  const hostile = OPERATOR_INJECTION;
  return [
    () => store.findSession(hostile),
    () => store.findOpenSessionByJoinCode(hostile),
    () => store.listSessions(hostile),
    () => store.saveState(hostile, aLiveState({ version: 5 })),
    () => store.updateDefinition(aForumSession({ id: hostile })),
    () => store.findParticipantByUser('session-1', hostile),
    () => store.findParticipantByUser(hostile, 'user-1'),
    () => store.findParticipantByGuestTokenHash(hostile),
    () => store.listParticipants(hostile),
    () => store.addParticipant(aParticipant({ sessionId: hostile })),
    () =>
      store.recordVote({
        sessionId: 'session-1',
        pollId: hostile,
        participantId: 'p',
        ballot: { kind: 'choice', optionIds: ['o'] },
        castAt: '2026-03-01T09:05:00.000Z',
      }),
    () => store.listVotes(hostile),
    () => store.addContribution(aContribution({ sessionId: hostile })),
    () => store.addContribution(aContribution({ participantId: hostile })),
    () =>
      store.hideContribution('session-1', hostile, {
        reason: 'r',
        hiddenByParticipantId: 'f',
        hiddenAt: '2026-03-01T09:12:00.000Z',
      }),
    () => store.listContributions(hostile),
  ];
}
