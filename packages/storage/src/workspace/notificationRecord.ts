import {
  commentNotificationKinds,
  isCommentNotification,
  notificationKinds,
  notificationSubjectId,
  roundNotificationKinds,
  type CommentNotificationKind,
  type Notification,
  type NotificationKind,
  type RoundNotificationKind,
} from '@atelier/domain';
import {
  assertInstant,
  assertInstantOrNull,
  assertKey,
  assertOneOf,
  assertPlainObject,
  assertText,
} from './argumentGuards';

/**
 * A notification as both adapters store it: one flat record whatever its kind, with the
 * subject (the comment or the round) in its own field under the unique key
 * (userId, kind, subjectId). Fields a kind does not use are null.
 */
export interface NotificationFields {
  readonly id: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly consultationId: string;
  /** The comment (reply, mention) or the round (round reminders). */
  readonly subjectId: string;
  readonly commitmentId: string | null;
  readonly threadId: string | null;
  readonly actorId: string | null;
  readonly actorName: string | null;
  /** The commitment's title (comment kinds) or the round's (round kinds). */
  readonly title: string;
  readonly excerpt: string | null;
  readonly closesAt: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** Type checks before any write (see validateWorkspaceRecords.ts for why both adapters do it). */
export function assertNotification(notification: Notification): void {
  assertPlainObject(notification, 'notification');
  assertKey(notification.id, 'notification.id');
  assertKey(notification.userId, 'notification.userId');
  assertOneOf(notification.kind, notificationKinds, 'notification.kind');
  assertKey(notification.consultationId, 'notification.consultationId');
  assertInstant(notification.createdAt, 'notification.createdAt');
  assertInstantOrNull(notification.readAt, 'notification.readAt');
  if (isCommentNotification(notification)) {
    assertKey(notification.commitmentId, 'notification.commitmentId');
    assertKey(notification.threadId, 'notification.threadId');
    assertKey(notification.commentId, 'notification.commentId');
    assertKey(notification.actorId, 'notification.actorId');
    assertText(notification.actorName, 'notification.actorName');
    assertText(notification.commitmentTitle, 'notification.commitmentTitle');
    assertText(notification.excerpt, 'notification.excerpt');
  } else {
    assertKey(notification.roundId, 'notification.roundId');
    assertText(notification.roundTitle, 'notification.roundTitle');
    assertInstant(notification.closesAt, 'notification.closesAt');
  }
}

export function notificationFields(notification: Notification): NotificationFields {
  const common = {
    id: notification.id,
    userId: notification.userId,
    kind: notification.kind,
    consultationId: notification.consultationId,
    subjectId: notificationSubjectId(notification),
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
  if (isCommentNotification(notification)) {
    return {
      ...common,
      commitmentId: notification.commitmentId,
      threadId: notification.threadId,
      actorId: notification.actorId,
      actorName: notification.actorName,
      title: notification.commitmentTitle,
      excerpt: notification.excerpt,
      closesAt: null,
    };
  }
  return {
    ...common,
    commitmentId: null,
    threadId: null,
    actorId: null,
    actorName: null,
    title: notification.roundTitle,
    excerpt: null,
    closesAt: notification.closesAt,
  };
}

export function notificationFromFields(fields: NotificationFields): Notification {
  const common = {
    id: fields.id,
    userId: fields.userId,
    consultationId: fields.consultationId,
    createdAt: fields.createdAt,
    readAt: fields.readAt,
  };
  if ((commentNotificationKinds as readonly string[]).includes(fields.kind)) {
    return {
      ...common,
      kind: fields.kind as CommentNotificationKind,
      commitmentId: fields.commitmentId ?? '',
      threadId: fields.threadId ?? '',
      commentId: fields.subjectId,
      actorId: fields.actorId ?? '',
      actorName: fields.actorName ?? '',
      commitmentTitle: fields.title,
      excerpt: fields.excerpt ?? '',
    };
  }
  if ((roundNotificationKinds as readonly string[]).includes(fields.kind)) {
    return {
      ...common,
      kind: fields.kind as RoundNotificationKind,
      roundId: fields.subjectId,
      roundTitle: fields.title,
      closesAt: fields.closesAt ?? '',
    };
  }
  // Only a newer release could have written it; refusing beats showing it wrongly.
  throw new Error(`stored notification ${fields.id} has an unknown kind "${fields.kind}"`);
}
