import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  SocketEvent,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@atelier/protocol';

import { queryKeys } from '../app/queryClient';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One Socket.io connection per tab, opened on first use; the session cookie authenticates it. */
let sharedSocket: LiveSocket | null = null;
function liveSocket(): LiveSocket {
  sharedSocket ??= io({ transports: ['websocket'], withCredentials: true });
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
    const socket = liveSocket();
    const watch = () => socket.emit(SocketEvent.WatchConsultation, consultationId, () => undefined);
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
    watch();
    // Rooms do not survive a reconnection: watch again each time.
    socket.on('connect', watch);
    socket.on(SocketEvent.CommitmentUpdated, onUpdated);
    return () => {
      socket.off('connect', watch);
      socket.off(SocketEvent.CommitmentUpdated, onUpdated);
      socket.emit(SocketEvent.UnwatchConsultation, consultationId);
    };
  }, [consultationId, queryClient]);
}
