import { CSRF_HEADER, CSRF_HEADER_VALUE, type ForumJoinedDto } from '@atelier/protocol';
import { signIn } from '../browser/demoSession';

/**
 * The servers the forum workload drives with the same socket.io-client screens: Atelier, and
 * the bare Socket.io floor broadcasting on every vote or once per coalescing window.
 */
export type ForumServerKind = 'atelier' | 'socketio-bare' | 'socketio-coalesced';

/** The room a run fills: which session, and what guests and the facilitator need to enter it. */
export interface ForumRoom {
  sessionId: string;
  /** Atelier's join code (guests type it); null on the bare server, which has no codes. */
  joinCode: string | null;
  /** The facilitator's session cookie on Atelier; null on the bare server, which has no accounts. */
  facilitatorCookie: string | null;
}

/**
 * What differs between the servers before a screen's first `forum:join`; everything after it
 * (events, acks, results) is the same contract, so the workload itself never branches.
 */
export interface ForumDialect {
  prepareRoom(origin: string): Promise<ForumRoom>;
  /** Socket.io `auth` for one guest's screen. */
  guestAuth(origin: string, room: ForumRoom, displayName: string): Promise<Record<string, string>>;
}

/** The demo consultation's facilitator (apps/server/src/workspace/demo/demoContent.ts). */
const DEMO_FACILITATOR = 'animatrice@atelier.demo';
const REQUEST_TIMEOUT_MS = 10_000;

async function requestJson(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) {
    const body = await response.text();
    throw new Error(
      `${init.method ?? 'GET'} ${new URL(url).pathname}: HTTP ${response.status} ${body.slice(0, 200)}`,
    );
  }
  return response.json();
}

function jsonPost(body: unknown, cookie?: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      ...(cookie === undefined ? {} : { cookie }),
    },
    body: JSON.stringify(body),
  };
}

function stringField(value: unknown, field: string): string {
  const found = (value as Record<string, unknown> | null)?.[field];
  if (typeof found !== 'string')
    throw new Error(`expected a string "${field}" in ${JSON.stringify(value)}`);
  return found;
}

/**
 * Atelier as the forum runs it: the demo facilitator signs in and schedules a session in the
 * demo consultation over REST; guests join by code (`POST /api/forum/join`) for a socket token.
 */
const atelierDialect: ForumDialect = {
  async prepareRoom(origin) {
    const cookie = await signIn(origin, DEMO_FACILITATOR);
    const consultations = await requestJson(`${origin}/api/consultations`, {
      headers: { cookie: cookie.header },
    });
    const consultation = Array.isArray(consultations) ? (consultations[0] as unknown) : undefined;
    if (consultation === undefined) throw new Error('the demo workspace has no consultation');
    const session = await requestJson(
      `${origin}/api/consultations/${stringField(consultation, 'id')}/forum-sessions`,
      jsonPost(
        {
          title: 'Forum Open d’État — banc d’essai des votes',
          scheduledAt: new Date().toISOString(),
          format: 'hybrid',
          agenda: [{ title: 'Vote', durationMinutes: 30, commitmentId: null }],
          guestPolicy: 'observe',
        },
        cookie.header,
      ),
    );
    return {
      sessionId: stringField(session, 'id'),
      joinCode: stringField(session, 'joinCode'),
      facilitatorCookie: cookie.header,
    };
  },
  async guestAuth(origin, room, displayName) {
    const joined = (await requestJson(
      `${origin}/api/forum/join`,
      jsonPost({ code: room.joinCode, displayName, participantKind: 'citizen' }),
    )) as ForumJoinedDto;
    if (joined.guestToken === null) throw new Error('join by code returned no guest token');
    return { guestToken: joined.guestToken };
  },
};

/** The bare Socket.io server: one room, anyone may join it and run it. */
const bareDialect: ForumDialect = {
  prepareRoom: () =>
    Promise.resolve({ sessionId: 'bench-room', joinCode: null, facilitatorCookie: null }),
  guestAuth: () => Promise.resolve({}),
};

export const forumDialects: Readonly<Record<ForumServerKind, ForumDialect>> = {
  atelier: atelierDialect,
  'socketio-bare': bareDialect,
  'socketio-coalesced': bareDialect,
};
