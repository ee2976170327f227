import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { CommentRound, Notification } from '@atelier/domain';
import {
  SocketEvent,
  type ClientToServerEvents,
  type NotificationNewPayload,
  type ServerToClientEvents,
} from '@atelier/protocol';
import { ApiClient } from '../../testing/apiClient';
import { eventually } from '../../testing/eventually';
import { TEST_ORIGIN } from '../../testing/startTestServer';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { aUser, seedRolesScenario, TEST_PASSWORD } from '../../testing/workspaceFixtures';
import { setMemberRole } from '../commands/memberCommands';
import { updateConsultation } from '../commands/consultationCommands';
import { RoundReminders } from './roundReminders';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Far from the real clock, so that only the injected one decides. */
const OPENS_AT = new Date('2031-05-01T08:00:00.000Z');

let running: RunningWorkspaceServer;

beforeAll(async () => {
  running = await startWorkspaceServer();
});
afterAll(async () => running.stop());

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let now = start;
  return {
    now: () => now,
    set: (at: Date) => {
      now = at;
    },
  };
}

function after(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms);
}

async function aScenarioWithRound(round: Partial<CommentRound> = {}) {
  const scenario = await seedRolesScenario(running.context);
  const stored: CommentRound = {
    id: running.context.newId(),
    consultationId: scenario.consultation.id,
    title: 'Tour de commentaires de printemps',
    instructions: '',
    opensAt: OPENS_AT.toISOString(),
    closesAt: after(OPENS_AT, 21 * DAY_MS).toISOString(),
    audience: 'members',
    commitmentIds: [],
    createdBy: scenario.people.facilitator.id,
    createdAt: after(OPENS_AT, -DAY_MS).toISOString(),
    ...round,
  };
  await running.context.store.commentRounds.create(stored);
  return { scenario, round: stored };
}

async function roundNotificationsOf(userId: string, roundId: string): Promise<Notification[]> {
  const all = await running.context.store.notifications.listByUser(userId, 100);
  return all.filter((n) => 'roundId' in n && n.roundId === roundId);
}

describe('round reminders', () => {
  it('tells the participants once when a round opens, and once when it closes within 48 h', async () => {
    const { scenario, round } = await aScenarioWithRound();
    const clock = manualClock(after(OPENS_AT, -HOUR_MS));
    const reminders = new RoundReminders(running.context, { intervalMs: 60_000, now: clock.now });
    const { people } = scenario;

    expect(await reminders.runOnce()).toBe(0);

    clock.set(after(OPENS_AT, 5 * 60_000));
    await reminders.runOnce();
    // The admin created the consultation and is one of its facilitators.
    for (const person of [people.contributor, people.commenter, scenario.admin]) {
      expect(await roundNotificationsOf(person.id, round.id)).toEqual([
        {
          id: expect.any(String),
          userId: person.id,
          kind: 'round_opened',
          consultationId: scenario.consultation.id,
          roundId: round.id,
          roundTitle: round.title,
          closesAt: round.closesAt,
          createdAt: clock.now().toISOString(),
          readAt: null,
        },
      ]);
    }
    // Observers only read a members' round; the facilitator opened it; a stranger is no member.
    for (const person of [people.observer, people.facilitator, people.stranger]) {
      expect(await roundNotificationsOf(person.id, round.id), person.displayName).toEqual([]);
    }
    // The same pass again, a second server's pass at the same moment: nothing new.
    const secondServer = new RoundReminders(running.context, {
      intervalMs: 60_000,
      now: clock.now,
    });
    expect(await Promise.all([reminders.runOnce(), secondServer.runOnce()])).toEqual([0, 0]);

    clock.set(after(new Date(round.closesAt), -47 * HOUR_MS));
    await reminders.runOnce();
    await secondServer.runOnce();
    await reminders.runOnce();
    const kinds = async (userId: string) =>
      (await roundNotificationsOf(userId, round.id)).map((n) => n.kind).sort();
    expect(await kinds(people.contributor.id)).toEqual(['round_closing_soon', 'round_opened']);
    expect(await kinds(people.facilitator.id)).toEqual(['round_closing_soon']);
    expect(await kinds(people.observer.id)).toEqual([]);

    clock.set(new Date(round.closesAt));
    expect(await reminders.runOnce()).toBe(0);
  });

  it('writes only the reminders it has not seen stored, and still finds a newcomer at the next pass', async () => {
    const { scenario, round } = await aScenarioWithRound();
    const reminders = new RoundReminders(running.context, {
      intervalMs: 60_000,
      now: () => after(OPENS_AT, HOUR_MS),
    });
    // Watches the real store's writes (it still stores them).
    const writes = vi.spyOn(running.context.store.notifications, 'createMany');

    try {
      await reminders.runOnce();
      expect(writes).toHaveBeenCalled();
      writes.mockClear();

      await reminders.runOnce();
      expect(writes).not.toHaveBeenCalled();

      const newcomer = scenario.people.stranger;
      await setMemberRole(
        running.context,
        scenario.admin,
        scenario.consultation.id,
        newcomer.id,
        'commenter',
      );
      expect(await reminders.runOnce()).toBe(1);
      expect(writes.mock.calls.flatMap(([batch]) => batch.map((n) => n.userId))).toEqual([
        newcomer.id,
      ]);
      expect(await roundNotificationsOf(newcomer.id, round.id)).toHaveLength(1);
    } finally {
      writes.mockRestore();
    }
  });

  it('tells every member of a public round, observers included, but not disabled accounts', async () => {
    const { scenario, round } = await aScenarioWithRound({ audience: 'public' });
    const disabled = await aUser(running.context, { label: 'desactive', disabled: true });
    await setMemberRole(
      running.context,
      scenario.admin,
      scenario.consultation.id,
      disabled.id,
      'commenter',
    );
    const reminders = new RoundReminders(running.context, {
      intervalMs: 60_000,
      now: () => after(OPENS_AT, HOUR_MS),
    });

    await reminders.runOnce();

    expect(await roundNotificationsOf(scenario.people.observer.id, round.id)).toHaveLength(1);
    expect(await roundNotificationsOf(disabled.id, round.id)).toEqual([]);
    expect(await roundNotificationsOf(scenario.people.stranger.id, round.id)).toEqual([]);
  });

  it('says nothing about rounds of a consultation that no longer takes comments', async () => {
    const { scenario, round } = await aScenarioWithRound();
    await updateConsultation(running.context, scenario.admin, scenario.consultation.id, {
      status: 'closed',
    });
    const reminders = new RoundReminders(running.context, {
      intervalMs: 60_000,
      now: () => after(OPENS_AT, HOUR_MS),
    });

    await reminders.runOnce();

    expect(await roundNotificationsOf(scenario.people.contributor.id, round.id)).toEqual([]);
  });

  it('runs from start() until stop(), and the person’s open page hears of it', async () => {
    const { scenario, round } = await aScenarioWithRound();
    const api = new ApiClient(running.baseUrl);
    await api.signIn(scenario.people.commenter.email, TEST_PASSWORD);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(
      running.baseUrl,
      {
        transports: ['websocket'],
        extraHeaders: { origin: TEST_ORIGIN, cookie: api.sessionCookie! },
        reconnection: false,
        forceNew: true,
      },
    );
    const heard: NotificationNewPayload[] = [];
    socket.on(SocketEvent.NotificationNew, (payload) => heard.push(payload));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const reminders = new RoundReminders(running.context, {
      intervalMs: 5,
      now: () => after(OPENS_AT, HOUR_MS),
    });

    try {
      reminders.start();
      await eventually(() => expect(heard).toEqual([{ unreadCount: 1 }]));
      await reminders.stop();
      expect(await roundNotificationsOf(scenario.people.commenter.id, round.id)).toHaveLength(1);
    } finally {
      await reminders.stop();
      socket.disconnect();
    }
  });
});
