import { isRoleAtLeast, type ConsultationRole } from './membership';
import type { CommentRound, CommentRoundAudience } from './commentRound';

/**
 * In-app notifications (issue 6): a reply to one's comment, a mention, a comment round opening
 * or closing soon. Zod-free on purpose: the web client reads the kinds and limits without
 * pulling the schemas into its first screen.
 *
 * What a notification may carry. It is written once, for one person, and read later by them
 * alone, so it holds what the list needs to render without further reads: the actor's public
 * name (pseudonym or display name, never an email) and a short excerpt of the comment as it
 * was when they were told. It never carries what the recipient could not read at that moment:
 * nobody is notified about a commitment they may not read. Because moderation comes later,
 * the excerpt is not trusted at read time: the server withholds it when the comment has since
 * been hidden or deleted, or when the recipient can no longer read the commitment (see
 * `excerptWithheld` in the REST answer).
 */
export const notificationKinds = [
  'reply',
  'mention',
  'round_opened',
  'round_closing_soon',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const commentNotificationKinds = ['reply', 'mention'] as const;
export type CommentNotificationKind = (typeof commentNotificationKinds)[number];

export const roundNotificationKinds = ['round_opened', 'round_closing_soon'] as const;
export type RoundNotificationKind = (typeof roundNotificationKinds)[number];

interface NotificationBase {
  readonly id: string;
  /** The one person who reads it. */
  readonly userId: string;
  readonly consultationId: string;
  readonly createdAt: string;
  /** Null while unread. */
  readonly readAt: string | null;
}

/** Someone replied in a thread where the recipient wrote, or mentioned them in a comment. */
export interface CommentNotification extends NotificationBase {
  readonly kind: CommentNotificationKind;
  readonly commitmentId: string;
  readonly threadId: string;
  /** The new comment: the notification's subject (see {@link notificationSubjectId}). */
  readonly commentId: string;
  readonly actorId: string;
  /** The actor's public name when the comment was written. */
  readonly actorName: string;
  /** The commitment's title then, so the list says where it happened. */
  readonly commitmentTitle: string;
  /** The start of the comment, see {@link notificationExcerpt}. */
  readonly excerpt: string;
}

/** A comment round the recipient may take part in opened, or closes within 48 hours. */
export interface RoundNotification extends NotificationBase {
  readonly kind: RoundNotificationKind;
  readonly roundId: string;
  readonly roundTitle: string;
  readonly closesAt: string;
}

export type Notification = CommentNotification | RoundNotification;

export function isCommentNotification(
  notification: Notification,
): notification is CommentNotification {
  return notification.kind === 'reply' || notification.kind === 'mention';
}

/**
 * What a notification is about: the comment, or the round. With the recipient and the kind it
 * makes the key that stores keep unique, so a scheduler that runs twice, or two servers that
 * both react, tell a person once.
 */
export function notificationSubjectId(notification: Notification): string {
  return isCommentNotification(notification) ? notification.commentId : notification.roundId;
}

export const NOTIFICATION_EXCERPT_MAX_CHARS = 140;

/** One line, at most {@link NOTIFICATION_EXCERPT_MAX_CHARS} characters, cut on a code point. */
export function notificationExcerpt(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  const characters = [...oneLine];
  if (characters.length <= NOTIFICATION_EXCERPT_MAX_CHARS) return oneLine;
  return `${characters
    .slice(0, NOTIFICATION_EXCERPT_MAX_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}

/** "Closing soon" is said once, when the round has this long left or less. */
export const ROUND_CLOSING_SOON_MS = 48 * 60 * 60 * 1000;

/**
 * The round reminders due at `now`: `round_opened` while the round is open, and also
 * `round_closing_soon` once it closes within {@link ROUND_CLOSING_SOON_MS}. Nothing before it
 * opens or after it closes. The caller relies on the store's key to say each of them once.
 */
export function roundRemindersDue(
  round: Pick<CommentRound, 'opensAt' | 'closesAt'>,
  now: Date,
): RoundNotificationKind[] {
  const at = now.getTime();
  const opensAt = Date.parse(round.opensAt);
  const closesAt = Date.parse(round.closesAt);
  if (at < opensAt || at >= closesAt) return [];
  return closesAt - at <= ROUND_CLOSING_SOON_MS
    ? ['round_opened', 'round_closing_soon']
    : ['round_opened'];
}

/**
 * Who is told about a round: the members who may comment in it. In a members' round that is
 * commenters and up (observers read only); in a public round every member, observers
 * included, since any signed-in person may take part (people who joined an earlier public
 * round are members already, as commenters).
 */
export function isRoundParticipant(
  role: ConsultationRole,
  audience: CommentRoundAudience,
): boolean {
  return audience === 'public' || isRoleAtLeast(role, 'commenter');
}
