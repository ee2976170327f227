import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSession } from '../auth/useSession';
import { notificationQueryKeys, notificationsApi } from './notificationsApi';
import { useNotificationLiveUpdates } from './useNotificationLiveUpdates';
import './notifications.css';

/**
 * The header's way to the notifications page, with the unread count. A new notification is
 * announced once, politely, when the count goes up; not when the page loads nor when the count
 * drops because the person read something (they know).
 */
export function NotificationsHeaderLink() {
  const { t } = useTranslation();
  const session = useSession();
  const userId = session.data?.id ?? null;
  useNotificationLiveUpdates(userId);
  const unread = useQuery({
    queryKey: notificationQueryKeys.unreadCount,
    queryFn: notificationsApi.unreadCount,
    enabled: userId !== null,
  });
  const count = unread.data?.unreadCount ?? 0;
  const announcement = useIncreaseAnnouncement(unread.data?.unreadCount);

  if (userId === null) return null;
  return (
    <>
      <Link
        to="/notifications"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-btn--icon-left fr-icon-notification-3-line atelier-notifications-link"
      >
        {t('notifications.headerLink')}
        {count > 0 ? (
          // The number is shown; screen readers hear it with its unit ("2 non lues").
          <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">
            <span aria-hidden="true">{count}</span>
            <span className="fr-sr-only">{t('notifications.unreadCount', { count })}</span>
          </span>
        ) : null}
      </Link>
      <p className="fr-sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/**
 * The sentence to announce after the count went up; empty otherwise. Worked out while
 * rendering from the count seen last (React's "adjust state when a prop changes"), so it
 * changes only with the count, never on a mere re-render.
 */
function useIncreaseAnnouncement(count: number | undefined): string {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<{ count: number | undefined; announcement: string }>({
    count,
    announcement: '',
  });
  if (seen.count !== count) {
    const wentUp = seen.count !== undefined && count !== undefined && count > seen.count;
    setSeen({ count, announcement: wentUp ? t('notifications.announceNew', { count }) : '' });
  }
  return seen.announcement;
}
