import { SocketEvent } from '@atelier/protocol';
import type { Logger } from '../logging/logger';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { WorkspaceSocketServer } from './workspaceSockets';

/** Socket.io room of one person's sockets (every tab they have open on this server). */
export function personalRoom(userId: string): string {
  return `person:${userId}`;
}

/**
 * Tells people at once that they have a new notification. A signed-in socket (the session
 * cookie named them at the handshake, see workspaceSockets.ts) joins its person's room on
 * connecting; nobody can ask to join another's. The event carries only the unread count: the
 * page re-reads its notifications over REST. Disabled accounts are never notified (see
 * notifications/recipients.ts), so they hear nothing either.
 */
export function attachNotificationSockets(
  io: WorkspaceSocketServer,
  context: WorkspaceContext,
  logger: Logger,
): () => void {
  const onConnection = (socket: {
    readonly data: { readonly userId: string | null };
    join(room: string): unknown;
  }) => {
    const { userId } = socket.data;
    if (userId) void socket.join(personalRoom(userId));
  };
  io.on('connection', onConnection);

  async function announce(userId: string): Promise<void> {
    const room = personalRoom(userId);
    // Nobody of theirs connected here: no count to read.
    if (!io.sockets.adapter.rooms.has(room)) return;
    const unreadCount = await context.store.notifications.countUnread(userId);
    io.to(room).emit(SocketEvent.NotificationNew, { unreadCount });
  }

  const stopAnnouncing = context.events.on('notificationsAdded', ({ userIds }) => {
    for (const userId of userIds) {
      announce(userId).catch((error: unknown) =>
        logger.error({ err: error, userId }, 'announcing a notification failed'),
      );
    }
  });
  return () => {
    io.off('connection', onConnection);
    stopAnnouncing();
  };
}
