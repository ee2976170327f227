import { io as connectSocket, type Socket } from 'socket.io-client';
import {
  FORUM_NAMESPACE,
  ForumEvent,
  type ForumAck,
  type ForumClientToServerEvents,
  type ForumServerToClientEvents,
  type JoinedAck,
} from '@atelier/protocol';
import { TEST_ORIGIN } from '../../testing/startTestServer';

export type ForumClientSocket = Socket<ForumServerToClientEvents, ForumClientToServerEvents>;

/** A screen on the `/forum` namespace, as a browser tab opens it (cookie, or a guest token). */
export function openForumSocket(
  baseUrl: string,
  identity: { cookie?: string | null; guestToken?: string | null },
): ForumClientSocket {
  return connectSocket(`${baseUrl}${FORUM_NAMESPACE}`, {
    transports: ['websocket'],
    extraHeaders: { origin: TEST_ORIGIN, ...(identity.cookie ? { cookie: identity.cookie } : {}) },
    auth: identity.guestToken ? { guestToken: identity.guestToken } : {},
    reconnection: false,
    // Each screen its own connection, as separate tabs would have.
    forceNew: true,
  });
}

/** Resolves once connected; rejects with the server's refusal (the middleware's message). */
export function connected(socket: ForumClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Sends a command with any payload (tests send malformed ones on purpose) and awaits its ack. */
export function send<T = Record<never, never>>(
  socket: ForumClientSocket,
  event: string,
  payload: unknown,
): Promise<ForumAck<T>> {
  return new Promise((resolve, reject) => {
    (socket as unknown as Socket)
      .timeout(5_000)
      .emit(event, payload, (error: Error | null, ack: ForumAck<T>) =>
        error ? reject(error) : resolve(ack),
      );
  });
}

export async function joinSession(
  socket: ForumClientSocket,
  sessionId: string,
): Promise<JoinedAck> {
  await connected(socket);
  const ack = await send<JoinedAck>(socket, ForumEvent.Join, { sessionId });
  if (!ack.ok) throw new Error(`join refused: ${ack.code} ${ack.message}`);
  return ack;
}

/** Collects every event of one kind a socket receives, for assertions with `eventually`. */
export function collect<E extends keyof ForumServerToClientEvents>(
  socket: ForumClientSocket,
  event: E,
): Parameters<ForumServerToClientEvents[E]>[0][] {
  const received: Parameters<ForumServerToClientEvents[E]>[0][] = [];
  (socket as unknown as Socket).on(event as string, (payload: unknown) =>
    received.push(payload as Parameters<ForumServerToClientEvents[E]>[0]),
  );
  return received;
}
