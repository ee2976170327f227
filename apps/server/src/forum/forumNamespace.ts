import type { Namespace, Socket } from 'socket.io';
import type { ForumParticipant } from '@atelier/domain';
import type { ForumClientToServerEvents, ForumServerToClientEvents } from '@atelier/protocol';

/** What the server keeps on each `/forum` socket, set at the handshake and by `forum:join`. */
export interface ForumSocketData {
  userId: string | null;
  /** A guest's participant record: a guest socket belongs to that one session. */
  guest: ForumParticipant | null;
  /** Session id → participant id, for the sessions this socket joined. */
  joined: Map<string, string>;
}

export type ForumNamespace = Namespace<
  ForumClientToServerEvents,
  ForumServerToClientEvents,
  Record<never, never>,
  ForumSocketData
>;

export type ForumSocket = Socket<
  ForumClientToServerEvents,
  ForumServerToClientEvents,
  Record<never, never>,
  ForumSocketData
>;
