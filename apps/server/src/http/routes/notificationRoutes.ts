import { z } from 'zod';
import { isCommentNotification } from '@atelier/domain';
import {
  NOTIFICATION_LIST_DEFAULT_LIMIT,
  NOTIFICATION_LIST_MAX_LIMIT,
  notificationListDtoSchema,
  unreadCountDtoSchema,
  type NotificationDto,
} from '@atelier/protocol';
import {
  countMyUnreadNotifications,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationView,
} from '../../workspace/commands/notificationCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

const listQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(NOTIFICATION_LIST_MAX_LIMIT)
    .default(NOTIFICATION_LIST_DEFAULT_LIMIT),
});

export function toNotificationDto({
  notification,
  excerptWithheld,
}: NotificationView): NotificationDto {
  const base = {
    id: notification.id,
    consultationId: notification.consultationId,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
  if (isCommentNotification(notification)) {
    return {
      ...base,
      kind: notification.kind,
      commitmentId: notification.commitmentId,
      threadId: notification.threadId,
      commentId: notification.commentId,
      commitmentTitle: notification.commitmentTitle,
      actor: { userId: notification.actorId, displayName: notification.actorName },
      excerpt: excerptWithheld === null ? notification.excerpt : null,
      excerptWithheld,
    };
  }
  return {
    ...base,
    kind: notification.kind,
    roundId: notification.roundId,
    roundTitle: notification.roundTitle,
    closesAt: notification.closesAt,
  };
}

/** The signed-in person's own notifications; nobody else's are reachable. */
export function notificationRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/notifications',
      tag: 'notifications',
      summary:
        'My notifications, newest first (replies to my comments, mentions, comment rounds opening or closing within 48 h), with my unread count.',
      query: listQuerySchema,
      response: notificationListDtoSchema,
      errors: [400, 401],
      handler: async ({ user, query }) => {
        const listing = await listMyNotifications(context, user, query.limit);
        return {
          notifications: listing.notifications.map(toNotificationDto),
          unreadCount: listing.unreadCount,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/notifications/unread-count',
      tag: 'notifications',
      summary: 'How many of my notifications are unread.',
      query: z.strictObject({}),
      response: unreadCountDtoSchema,
      errors: [401],
      handler: async ({ user }) => ({
        unreadCount: await countMyUnreadNotifications(context, user),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/read-all',
      tag: 'notifications',
      summary: 'Marks all my notifications read; answers my unread count afterwards.',
      body: z.strictObject({}),
      response: unreadCountDtoSchema,
      errors: [400, 401],
      handler: async ({ user }) => ({
        unreadCount: await markAllNotificationsRead(context, user),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/{id}/read',
      tag: 'notifications',
      summary:
        'Marks one of my notifications read (someone else’s answers 404); answers my unread count afterwards.',
      params: idParamsSchema,
      body: z.strictObject({}),
      response: unreadCountDtoSchema,
      errors: [400, 401, 404],
      handler: async ({ user, params }) => ({
        unreadCount: await markNotificationRead(context, user, params.id),
      }),
    }),
  ];
}
