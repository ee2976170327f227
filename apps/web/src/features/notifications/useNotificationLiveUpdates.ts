import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { SocketEvent } from '@atelier/protocol';

import { liveSocket } from '../../lib/liveUpdates';
import { notificationQueryKeys } from './notificationsApi';

/**
 * Who the tab's shared socket was opened for, as far as this module knows. The server puts a
 * socket in its person's room at the handshake, from the session cookie of that moment: a
 * socket opened before signing in (or as someone else) must reconnect to hear this person.
 */
let socketPerson: string | null = null;

/**
 * Refreshes the notification queries when the server says this person has a new one. The event
 * is only a hint: the count and the list are read again over REST, with the current session.
 */
export function useNotificationLiveUpdates(userId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (userId === null) return;
    let cancelled = false;
    let unsubscribe: (() => void) | null = null;
    const refresh = () =>
      void queryClient.invalidateQueries({ queryKey: notificationQueryKeys.all });
    void liveSocket().then((socket) => {
      if (cancelled) return;
      if (socket.connected && socketPerson !== userId) {
        // Opened earlier under another identity (or none): start again with today's cookie.
        socket.disconnect().connect();
      }
      socketPerson = userId;
      socket.on(SocketEvent.NotificationNew, refresh);
      // Anything missed while disconnected is read again once the link is back.
      socket.on('connect', refresh);
      unsubscribe = () => {
        socket.off(SocketEvent.NotificationNew, refresh);
        socket.off('connect', refresh);
      };
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [userId, queryClient]);
}
