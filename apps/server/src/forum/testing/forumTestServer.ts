import { afterAll, beforeAll } from 'vitest';
import type { ForumSessionDto } from '@atelier/protocol';
import type { ApiClient } from '../../testing/apiClient';
import { signedInClient } from '../../testing/signedInClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import {
  seedRolesScenario,
  type RoleName,
  type RolesScenario,
} from '../../testing/workspaceFixtures';
import { forumScreens, type ForumIdentity } from './forumScreens';
import {
  joinAsGuest,
  scheduleForumSession,
  type GuestJoin,
  type JoinedGuest,
  type SessionRequest,
} from './forumRequests';
import { joinSession, type ForumClientSocket } from './forumSocketClient';
import { readMinutes } from './minutesReader';

/** A scheduled session with its facilitator's console already joined to it. */
export interface ForumTestRoom {
  readonly session: ForumSessionDto;
  readonly facilitatorApi: ApiClient;
  readonly facilitator: ForumClientSocket;
}

/**
 * One workspace server and one roles scenario for a whole test file, with what forum tests do on
 * them; `running` and `scenario` are read inside tests, once `beforeAll` has set them.
 */
export interface ForumTestServer {
  readonly running: RunningWorkspaceServer;
  readonly scenario: RolesScenario;
  /** A new API client of its own, signed in as the scenario's person with that role. */
  signedIn(role: RoleName): Promise<ApiClient>;
  /** A screen on `/forum`, disconnected at the end of the file (or by `restart`). */
  screen(identity: ForumIdentity): ForumClientSocket;
  /** Schedules a session in the scenario's consultation. */
  scheduleSession(facilitator: ApiClient, request: SessionRequest): Promise<ForumSessionDto>;
  /** Schedules a session as the scenario's facilitator and joins their console to it. */
  scheduleWithConsole(request: SessionRequest): Promise<ForumTestRoom>;
  joinAsGuest(guest: GuestJoin): Promise<JoinedGuest>;
  readMinutes(docName: string, cookie: string): Promise<string>;
  /** Something else to close at the end of the file, before the server stops. */
  onCleanup(cleanup: () => void): void;
  /** Closes every screen and starts a new server on the same data, as after a deployment. */
  restart(): Promise<void>;
}

/** Registers the file's `beforeAll` / `afterAll` and returns what its tests use. */
export function useForumTestServer(options: { visibility: 'public' | 'members' }): ForumTestServer {
  let running: RunningWorkspaceServer | undefined;
  let scenario: RolesScenario | undefined;
  const screens = forumScreens();
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    running = await startWorkspaceServer();
    scenario = await seedRolesScenario(running.context, { visibility: options.visibility });
  });
  afterAll(async () => {
    screens.closeAll();
    for (const cleanup of cleanups.splice(0)) cleanup();
    await running?.stop();
  });

  const harness: ForumTestServer = {
    get running() {
      if (!running) throw new Error('the forum test server is read before beforeAll started it');
      return running;
    },
    get scenario() {
      if (!scenario) throw new Error('the roles scenario is read before beforeAll seeded it');
      return scenario;
    },
    signedIn: (role) => signedInClient(harness.running.baseUrl, harness.scenario.people[role]),
    screen: (identity) => screens.open(harness.running.baseUrl, identity),
    scheduleSession: (facilitator, request) =>
      scheduleForumSession(facilitator, harness.scenario.consultation.id, request),
    async scheduleWithConsole(request) {
      const facilitatorApi = await harness.signedIn('facilitator');
      const session = await harness.scheduleSession(facilitatorApi, request);
      const facilitator = harness.screen({ cookie: facilitatorApi.sessionCookie });
      await joinSession(facilitator, session.id);
      return { session, facilitatorApi, facilitator };
    },
    joinAsGuest: (guest) => joinAsGuest(harness.running.baseUrl, guest),
    readMinutes: (docName, cookie) => readMinutes(harness.running.port, docName, cookie),
    onCleanup: (cleanup) => void cleanups.push(cleanup),
    async restart() {
      const { dataDir } = harness.running;
      screens.closeAll();
      await harness.running.stop();
      running = await startWorkspaceServer({ dataDir });
    },
  };
  return harness;
}
