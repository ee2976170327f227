import type { NotificationDto } from '@atelier/protocol';

const segment = encodeURIComponent;

/**
 * Where a notification leads: the thread in the commitment's editor (the comments panel opens
 * the thread a `#thread-<id>` fragment names), or the consultation's rounds page.
 */
export function notificationTarget(notification: NotificationDto): string {
  const consultation = `/consultations/${segment(notification.consultationId)}`;
  if (notification.kind === 'reply' || notification.kind === 'mention') {
    return `${consultation}/engagements/${segment(notification.commitmentId)}#thread-${segment(
      notification.threadId,
    )}`;
  }
  return `${consultation}/tours`;
}

/** The sentence that says what happened, as an i18n key and its values. */
export function notificationSentence(notification: NotificationDto): {
  key: string;
  values: Record<string, string>;
} {
  switch (notification.kind) {
    case 'reply':
    case 'mention':
      return {
        key: `notifications.sentence.${notification.kind}`,
        values: { name: notification.actor.displayName },
      };
    case 'round_opened':
    case 'round_closing_soon':
      return {
        key: `notifications.sentence.${notification.kind}`,
        values: { title: notification.roundTitle },
      };
  }
}
