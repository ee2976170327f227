import { z } from 'zod';
import { commentPersonDtoSchema } from './commentDtos';

/**
 * What the notification endpoints return (`/api/notifications`): each notification carries what
 * the list shows (who, where, a short excerpt, the round's title and end) so the page renders it
 * without another call. Excerpts are plain text: render them as text, never as HTML.
 */
const notificationBase = {
  id: z.string(),
  consultationId: z.string(),
  createdAt: z.string(),
  /** Null while unread. */
  readAt: z.string().nullable(),
};

/**
 * Why the excerpt is not shown although there was one: the comment was hidden by moderation or
 * deleted since, or the reader may no longer read the commitment. Null when it is shown.
 */
export const excerptWithheldReasons = ['hidden', 'deleted', 'no_access'] as const;
export type ExcerptWithheldReason = (typeof excerptWithheldReasons)[number];

function commentNotificationDtoSchema<K extends 'reply' | 'mention'>(kind: K) {
  return z.object({
    ...notificationBase,
    kind: z.literal(kind),
    commitmentId: z.string(),
    /** Link to the editor with `#thread-<threadId>` to land on the thread. */
    threadId: z.string(),
    commentId: z.string(),
    commitmentTitle: z.string(),
    /** Who replied or mentioned, by their public name. */
    actor: commentPersonDtoSchema,
    /** The start of the comment, null when withheld (see `excerptWithheld`). */
    excerpt: z.string().nullable(),
    excerptWithheld: z.enum(excerptWithheldReasons).nullable(),
  });
}

function roundNotificationDtoSchema<K extends 'round_opened' | 'round_closing_soon'>(kind: K) {
  return z.object({
    ...notificationBase,
    kind: z.literal(kind),
    roundId: z.string(),
    roundTitle: z.string(),
    closesAt: z.string(),
  });
}

export const notificationDtoSchema = z.discriminatedUnion('kind', [
  /** Someone replied in a thread where you wrote. */
  commentNotificationDtoSchema('reply'),
  /** Someone mentioned you in a comment. */
  commentNotificationDtoSchema('mention'),
  /** A comment round you may take part in opened. */
  roundNotificationDtoSchema('round_opened'),
  /** A comment round you may take part in closes within 48 hours. */
  roundNotificationDtoSchema('round_closing_soon'),
]);
export type NotificationDto = z.infer<typeof notificationDtoSchema>;

export const unreadCountDtoSchema = z.object({ unreadCount: z.number().int().nonnegative() });
export type UnreadCountDto = z.infer<typeof unreadCountDtoSchema>;

export const notificationListDtoSchema = z.object({
  /** Newest first. */
  notifications: z.array(notificationDtoSchema),
  /** All unread ones, including those beyond the list's limit. */
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationListDto = z.infer<typeof notificationListDtoSchema>;

/** `GET /api/notifications?limit=`: how many to list. */
export const NOTIFICATION_LIST_DEFAULT_LIMIT = 30;
export const NOTIFICATION_LIST_MAX_LIMIT = 100;
