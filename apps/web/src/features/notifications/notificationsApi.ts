import type { NotificationListDto, UnreadCountDto } from '@atelier/protocol';

import { request } from '../../lib/api';

/** How many the page lists: the server keeps more, the newest matter. */
export const NOTIFICATIONS_PAGE_LIMIT = 50;

export const notificationQueryKeys = {
  /** Every notification query: what a new notification or a read mark invalidates. */
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
};

const segment = encodeURIComponent;

/** The signed-in person's own notifications (apps/server/src/http/routes/notificationRoutes.ts). */
export const notificationsApi = {
  /** Newest first, with the unread count. */
  list: (limit = NOTIFICATIONS_PAGE_LIMIT) =>
    request<NotificationListDto>('GET', `/notifications?limit=${limit}`),
  unreadCount: () => request<UnreadCountDto>('GET', '/notifications/unread-count'),
  markRead: (id: string) => request<UnreadCountDto>('POST', `/notifications/${segment(id)}/read`),
  markAllRead: () => request<UnreadCountDto>('POST', '/notifications/read-all'),
};
