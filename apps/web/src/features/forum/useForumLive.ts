import {
  FORUM_NAMESPACE,
  ForumEvent,
  type ForumAck,
  type ForumClientToServerEvents,
  type ForumErrorCode,
  type ForumReactionPayload,
  type ForumServerToClientEvents,
} from '@atelier/protocol';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';

import { forumViewReducer, type ForumView, type ShownReaction } from './forumLiveState';

type ForumSocket = Socket<ForumServerToClientEvents, ForumClientToServerEvents>;

/** Commands a screen sends once joined (join itself is the hook's business). */
export type ForumCommand = Exclude<keyof ForumClientToServerEvents, typeof ForumEvent.Join>;
type CommandPayload<E extends ForumCommand> = Omit<
  Parameters<ForumClientToServerEvents[E]>[0],
  'sessionId'
>;
type CommandAck<E extends ForumCommand> = Parameters<
  Parameters<ForumClientToServerEvents[E]>[1]
>[0];
/** The server's ack, or `network_error` when the command could not reach it. */
export type CommandResult<E extends ForumCommand> =
  CommandAck<E> | { readonly ok: false; readonly code: 'network_error'; readonly message: string };

export type ForumConnection =
  | { readonly status: 'connecting' | 'connected' | 'reconnecting' }
  /** The server refused us for good (no right to this session, expired guest token...). */
  | { readonly status: 'refused'; readonly code: ForumErrorCode | 'unknown' };

/** An ack that never comes (server gone mid-command) is reported as a network failure. */
const ACK_TIMEOUT_MS = 10_000;
/** How long the projector shows a reaction. */
const REACTION_SHOWN_MS = 4_000;

export interface ForumLive {
  readonly connection: ForumConnection;
  readonly view: ForumView | null;
  /** Recent reactions, for the projector; each disappears after a few seconds. */
  readonly reactions: readonly ShownReaction[];
  readonly send: <E extends ForumCommand>(
    event: E,
    payload: CommandPayload<E>,
  ) => Promise<CommandResult<E>>;
}

const REFUSALS: readonly string[] = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'invalid_join_code',
];

function asErrorCode(message: string): ForumErrorCode | 'unknown' {
  return REFUSALS.includes(message) ? (message as ForumErrorCode) : 'unknown';
}

/**
 * One screen's link to a live session: connects to the forum namespace (cookie, or the guest's
 * token), joins, and keeps the view current. On every reconnection it joins again and takes the
 * snapshot in the ack, so a dropped phone resumes exactly where the room is.
 */
export function useForumLive(sessionId: string, guestToken: string | null): ForumLive {
  const [view, dispatch] = useReducer(forumViewReducer, null);
  const [connection, setConnection] = useState<ForumConnection>({ status: 'connecting' });
  const [reactions, setReactions] = useState<readonly ShownReaction[]>([]);
  const socketRef = useRef<ForumSocket | null>(null);

  useEffect(() => {
    let cancelled = false;
    let socket: ForumSocket | null = null;
    let reactionSeq = 0;
    const timers = new Set<ReturnType<typeof setTimeout>>();

    const join = () => {
      const sentAtMs = Date.now();
      socket?.timeout(ACK_TIMEOUT_MS).emit(ForumEvent.Join, { sessionId }, (error, ack) => {
        if (cancelled) return;
        if (error) {
          setConnection({ status: 'reconnecting' });
          return;
        }
        if (ack.ok) {
          dispatch({ type: 'joined', ack, sentAtMs, receivedAtMs: Date.now() });
          setConnection({ status: 'connected' });
        } else {
          setConnection({ status: 'refused', code: ack.code });
          socket?.disconnect();
        }
      });
    };

    void import('socket.io-client').then(({ io }) => {
      if (cancelled) return;
      const opened: ForumSocket = io(FORUM_NAMESPACE, {
        transports: ['websocket'],
        withCredentials: true,
        auth: guestToken ? { guestToken } : {},
      });
      socket = opened;
      socketRef.current = opened;
      opened.on('connect', join);
      opened.on('disconnect', () => {
        if (!cancelled)
          setConnection((current) =>
            current.status === 'refused' ? current : { status: 'reconnecting' },
          );
      });
      opened.on('connect_error', (error) => {
        if (cancelled) return;
        // Refused by the server's middleware: socket.io does not retry, and neither do we.
        if (!opened.active) setConnection({ status: 'refused', code: asErrorCode(error.message) });
        else setConnection({ status: 'reconnecting' });
      });
      opened.on(ForumEvent.State, (payload) =>
        dispatch({ type: 'state', payload, receivedAtMs: Date.now() }),
      );
      opened.on(ForumEvent.PollResults, (payload) => dispatch({ type: 'results', payload }));
      opened.on(ForumEvent.Attendance, (payload) => dispatch({ type: 'attendance', payload }));
      opened.on(ForumEvent.Contribution, (payload) => dispatch({ type: 'contribution', payload }));
      opened.on(ForumEvent.Reaction, (payload: ForumReactionPayload) => {
        if (payload.sessionId !== sessionId) return;
        reactionSeq += 1;
        const shown = { id: reactionSeq, kind: payload.kind };
        setReactions((current) => [...current.slice(-11), shown]);
        const timer = setTimeout(() => {
          timers.delete(timer);
          setReactions((current) => current.filter((reaction) => reaction.id !== shown.id));
        }, REACTION_SHOWN_MS);
        timers.add(timer);
      });
    });

    return () => {
      cancelled = true;
      for (const timer of timers) clearTimeout(timer);
      socketRef.current = null;
      socket?.disconnect();
    };
  }, [sessionId, guestToken]);

  const send = useCallback(
    async <E extends ForumCommand>(
      event: E,
      payload: CommandPayload<E>,
    ): Promise<CommandResult<E>> => {
      const socket = socketRef.current;
      const failed = { ok: false, code: 'network_error', message: 'not connected' } as const;
      if (!socket?.connected) return failed;
      // The typed emit cannot follow a generic event name: the map above types what we send.
      const loose = socket as unknown as {
        timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
      };
      try {
        const ack = (await loose
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(event, { ...payload, sessionId })) as ForumAck<Record<string, unknown>>;
        if (ack.ok && event === ForumEvent.Vote) {
          dispatch({ type: 'voted', pollId: (payload as unknown as { pollId: string }).pollId });
        }
        return ack as CommandAck<E>;
      } catch {
        return failed;
      }
    },
    [sessionId],
  );

  return { connection, view, reactions, send };
}
