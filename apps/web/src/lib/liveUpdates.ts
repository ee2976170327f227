import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import {
  SocketEvent,
  type ClientToServerEvents,
  type CommitmentUpdatedPayload,
  type DraftPresencePayload,
  type PresentPerson,
  type ServerToClientEvents,
  type ThreadChangedPayload,
} from '@atelier/protocol';

import { queryKeys } from '../app/queryClient';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Who has each of a consultation's drafts open, by commitment id. */
export type ConsultationPresence = ReadonlyMap<string, readonly PresentPerson[]>;

/**
 * One Socket.io connection per tab, opened on first use; the session cookie authenticates it.
 * The client library is loaded then too: live updates are not worth delaying the first screen.
 */
let sharedSocket: Promise<LiveSocket> | null = null;
export function liveSocket(): Promise<LiveSocket> {
  sharedSocket ??= import('socket.io-client').then(({ io }) =>
    io({ transports: ['websocket'], withCredentials: true }),
  );
  return sharedSocket;
}

/**
 * Follows a room on the shared socket from an effect: joins it once the socket is open and again
 * after every reconnection (rooms do not survive one), listens, and returns the cleanup that
 * stops listening and leaves.
 */
function followRoom(room: {
  join: (socket: LiveSocket) => void;
  leave: (socket: LiveSocket) => void;
  /** Starts listening; returns how to stop. */
  listen: (socket: LiveSocket) => () => void;
}): () => void {
  let socket: LiveSocket | null = null;
  let stopListening = () => {};
  let cancelled = false;
  const join = () => {
    if (socket) room.join(socket);
  };
  void liveSocket().then((opened) => {
    if (cancelled) return;
    socket = opened;
    join();
    opened.on('connect', join);
    stopListening = room.listen(opened);
  });
  return () => {
    cancelled = true;
    socket?.off('connect', join);
    stopListening();
    if (socket) room.leave(socket);
  };
}

/**
 * Keeps a consultation's pages current: when the server says a commitment changed (title,
 * status, lock, what its draft says, who wrote), the cached REST answers are refetched; and it
 * follows who has each draft open. The socket only carries ids and names; the data itself comes
 * through REST and its permission checks.
 */
export function useConsultationLiveUpdates(consultationId: string): ConsultationPresence {
  const queryClient = useQueryClient();
  const [presence, setPresence] = useState<ConsultationPresence>(() => new Map());

  useEffect(() => {
    let active = true;
    const replacePresence = (payloads: readonly DraftPresencePayload[]) =>
      setPresence((previous) => {
        const next = new Map(previous);
        for (const payload of payloads) next.set(payload.commitmentId, payload.people);
        return next;
      });
    const onUpdated = ({ consultationId: changed, commitmentId }: CommitmentUpdatedPayload) => {
      if (changed !== consultationId) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.commitments(consultationId) });
      // Exact: the commitment's key prefixes its threads' key, and threads have their own
      // notice (thread:changed); a draft's read model changes at every pause in typing.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.commitment(commitmentId),
        exact: true,
      });
    };
    const onPresence = (payload: DraftPresencePayload) => {
      if (payload.consultationId === consultationId) replacePresence([payload]);
    };
    const stopFollowing = followRoom({
      join: (socket) =>
        socket.emit(SocketEvent.WatchConsultation, consultationId, (result) => {
          if (active && result.ok) replacePresence(result.presence);
        }),
      leave: (socket) => socket.emit(SocketEvent.UnwatchConsultation, consultationId),
      listen: (socket) => {
        socket.on(SocketEvent.CommitmentUpdated, onUpdated);
        socket.on(SocketEvent.DraftPresence, onPresence);
        return () => {
          socket.off(SocketEvent.CommitmentUpdated, onUpdated);
          socket.off(SocketEvent.DraftPresence, onPresence);
        };
      },
    });
    return () => {
      active = false;
      stopFollowing();
    };
  }, [consultationId, queryClient]);

  return presence;
}

/**
 * Keeps a commitment's comment threads current: the page joins the commitment's room (the
 * server checks it may read the commitment) and refetches the threads whenever one changes.
 */
export function useCommitmentThreadUpdates(commitmentId: string): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const onThreadChanged = ({ commitmentId: changed }: ThreadChangedPayload) => {
      if (changed === commitmentId)
        void queryClient.invalidateQueries({ queryKey: queryKeys.threads(commitmentId) });
    };
    return followRoom({
      join: (socket) => socket.emit(SocketEvent.WatchCommitment, commitmentId, () => undefined),
      leave: (socket) => socket.emit(SocketEvent.UnwatchCommitment, commitmentId),
      listen: (socket) => {
        socket.on(SocketEvent.ThreadChanged, onThreadChanged);
        return () => socket.off(SocketEvent.ThreadChanged, onThreadChanged);
      },
    });
  }, [commitmentId, queryClient]);
}
