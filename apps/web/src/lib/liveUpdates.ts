import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import {
  SocketEvent,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@atelier/protocol';

import { queryKeys } from '../app/queryClient';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One Socket.io connection per tab, opened on first use; the session cookie authenticates it.
 * The client library is loaded then too: live updates are not worth delaying the first screen.
 */
let sharedSocket: Promise<LiveSocket> | null = null;
function liveSocket(): Promise<LiveSocket> {
  sharedSocket ??= import('socket.io-client').then(({ io }) =>
    io({ transports: ['websocket'], withCredentials: true }),
  );
  return sharedSocket;
}

/**
 * Keeps a consultation's pages current: when the server says a commitment changed (title,
 * status, lock, what its draft says, who wrote), the cached REST answers are refetched. The
 * socket only carries ids; the data comes through REST and its permission checks.
 */
export function useConsultationLiveUpdates(consultationId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let socket: LiveSocket | null = null;
    let cancelled = false;
    const watch = () =>
      socket?.emit(SocketEvent.WatchConsultation, consultationId, () => undefined);
    const onUpdated = ({
      consultationId: changed,
      commitmentId,
    }: {
      consultationId: string;
      commitmentId: string;
    }) => {
      if (changed !== consultationId) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.commitments(consultationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.commitment(commitmentId) });
    };
    void liveSocket().then((opened) => {
      if (cancelled) return;
      socket = opened;
      watch();
      // Rooms do not survive a reconnection: watch again each time.
      opened.on('connect', watch);
      opened.on(SocketEvent.CommitmentUpdated, onUpdated);
    });
    return () => {
      cancelled = true;
      socket?.off('connect', watch);
      socket?.off(SocketEvent.CommitmentUpdated, onUpdated);
      socket?.emit(SocketEvent.UnwatchConsultation, consultationId);
    };
  }, [consultationId, queryClient]);
}
