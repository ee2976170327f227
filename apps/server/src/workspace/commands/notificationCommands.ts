import {
  commentDisplay,
  decideOnCommitment,
  isCommentNotification,
  type Commitment,
  type Notification,
  type User,
} from '@atelier/domain';
import { AppError } from '../../errors/appError';
import { actorOf, requireSignedIn } from '../loadFacts';
import type { WorkspaceContext } from '../workspaceContext';

/**
 * A person's own notifications (`/api/notifications`): list, count, mark read. Nobody reads or
 * marks anyone else's; someone else's notification answers the 404 of an unknown one.
 */

/** Why an excerpt is not shown now (see `NotificationView`). */
export type ExcerptWithheld = 'hidden' | 'deleted' | 'no_access';

/**
 * A notification as its reader may see it now. The excerpt was copied when they were told;
 * moderation and deletion come later, so it is checked again at every read and withheld when
 * the comment is hidden or deleted, or when they can no longer read the commitment.
 */
export interface NotificationView {
  readonly notification: Notification;
  /** Null when the excerpt may be shown (and for round notifications, which have none). */
  readonly excerptWithheld: ExcerptWithheld | null;
}

export interface NotificationListing {
  readonly notifications: readonly NotificationView[];
  readonly unreadCount: number;
}

export function notificationNotFound(): AppError {
  return AppError.notFound('notification_not_found', 'No such notification.');
}

export async function listMyNotifications(
  context: WorkspaceContext,
  user: User | null,
  limit: number,
): Promise<NotificationListing> {
  const me = requireSignedIn(user);
  const [notifications, unreadCount] = await Promise.all([
    context.store.notifications.listByUser(me.id, limit),
    context.store.notifications.countUnread(me.id),
  ]);
  return { notifications: await withheldExcerpts(context, me, notifications), unreadCount };
}

export async function countMyUnreadNotifications(
  context: WorkspaceContext,
  user: User | null,
): Promise<number> {
  const me = requireSignedIn(user);
  return context.store.notifications.countUnread(me.id);
}

/** Marks one of the caller's notifications read; returns their unread count afterwards. */
export async function markNotificationRead(
  context: WorkspaceContext,
  user: User | null,
  notificationId: string,
): Promise<number> {
  const me = requireSignedIn(user);
  const read = await context.store.notifications.markRead(
    me.id,
    notificationId,
    context.now().toISOString(),
  );
  if (!read) throw notificationNotFound();
  return context.store.notifications.countUnread(me.id);
}

/** Marks every unread notification of the caller read; returns their unread count afterwards. */
export async function markAllNotificationsRead(
  context: WorkspaceContext,
  user: User | null,
): Promise<number> {
  const me = requireSignedIn(user);
  await context.store.notifications.markAllRead(me.id, context.now().toISOString());
  return context.store.notifications.countUnread(me.id);
}

async function withheldExcerpts(
  context: WorkspaceContext,
  reader: User,
  notifications: readonly Notification[],
): Promise<NotificationView[]> {
  const readable = await readableCommitments(context, reader, notifications);
  return Promise.all(
    notifications.map(async (notification): Promise<NotificationView> => {
      if (!isCommentNotification(notification)) return { notification, excerptWithheld: null };
      if (!readable.has(notification.commitmentId))
        return { notification, excerptWithheld: 'no_access' };
      const comment = await context.store.commentThreads.findComment(notification.commentId);
      const display = comment ? commentDisplay(comment).kind : 'deleted';
      return {
        notification,
        excerptWithheld: display === 'visible' ? null : display,
      };
    }),
  );
}

/** The commitments of these notifications the reader may still read, by id. */
async function readableCommitments(
  context: WorkspaceContext,
  reader: User,
  notifications: readonly Notification[],
): Promise<Set<string>> {
  const commitmentIds = unique(
    notifications.filter(isCommentNotification).map((notification) => notification.commitmentId),
  );
  const commitments = (
    await Promise.all(commitmentIds.map((id) => context.store.commitments.findById(id)))
  ).filter((commitment): commitment is Commitment => commitment !== null);
  const places = new Map(
    await Promise.all(
      unique(commitments.map((commitment) => commitment.consultationId)).map(
        async (consultationId) =>
          [
            consultationId,
            {
              consultation: await context.store.consultations.findById(consultationId),
              membership: await context.store.memberships.find(consultationId, reader.id),
            },
          ] as const,
      ),
    ),
  );
  const readable = commitments.filter((commitment) => {
    const { consultation, membership } = places.get(commitment.consultationId)!;
    return (
      consultation !== null &&
      decideOnCommitment(actorOf(reader), 'commitment.read', {
        consultation,
        membership,
        commitment,
      }).allowed
    );
  });
  return new Set(readable.map((commitment) => commitment.id));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
