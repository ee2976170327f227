import type { Notification } from '@atelier/domain';
import type { WorkspaceContext } from '../workspaceContext';

/**
 * Stores notifications and tells the open pages of the people who got a new one. The store
 * skips those it already holds (same person, kind and subject), so whoever calls this twice
 * for the same event, or two servers that both do, tell each person once; only the ones
 * actually stored are announced.
 */
export async function deliverNotifications(
  context: WorkspaceContext,
  notifications: readonly Notification[],
): Promise<Notification[]> {
  if (notifications.length === 0) return [];
  const stored = await context.store.notifications.createMany(notifications);
  if (stored.length > 0) {
    context.events.emit('notificationsAdded', {
      userIds: [...new Set(stored.map((notification) => notification.userId))],
    });
  }
  return stored;
}
