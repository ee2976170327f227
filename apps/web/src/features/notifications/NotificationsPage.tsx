import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationDto } from '@atelier/protocol';

import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { absoluteDateTimeLabel } from '../commitments/commitmentView';
import { QueryState } from '../consultations/QueryState';
import { notificationQueryKeys, notificationsApi } from './notificationsApi';
import { notificationSentence, notificationTarget } from './notificationView';
import './notifications.css';

/**
 * The signed-in person's notifications, newest first. Following one marks it read; each can
 * also be marked read on its own, or all at once. New ones arrive live (the header's
 * subscription refreshes the list). Excerpts are plain text, rendered as text.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: notificationQueryKeys.list,
    queryFn: () => notificationsApi.list(),
  });
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationQueryKeys.all });
  const markAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: async () => {
      await refresh();
      setStatus(t('notifications.allMarkedRead'));
      // The button is gone with the last unread one: keep the focus on this page.
      headingRef.current?.focus();
    },
    onError: () => setStatus(t('notifications.markFailed')),
  });

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('notifications.title')}
      </h1>
      <QueryState query={notifications}>
        {({ notifications: list, unreadCount }) => (
          <>
            <div className="fr-grid-row fr-grid-row--middle fr-mb-3w atelier-notifications-toolbar">
              <p className="fr-mb-0 fr-mr-3w">
                {t('notifications.unreadSummary', { count: unreadCount })}
              </p>
              {unreadCount > 0 ? (
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--secondary"
                  onClick={() => markAll.mutate()}
                  disabled={markAll.isPending}
                >
                  {t('notifications.markAllRead')}
                </button>
              ) : null}
            </div>
            {list.length === 0 ? (
              <p>{t('notifications.empty')}</p>
            ) : (
              <ul className="atelier-plain-list">
                {list.map((notification) => (
                  <li key={notification.id} className="fr-mb-3w">
                    <NotificationItem
                      notification={notification}
                      onMarked={refresh}
                      onMarkFailed={() => setStatus(t('notifications.markFailed'))}
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
      <p role="status" className="fr-sr-only">
        {status}
      </p>
    </>
  );
}

function NotificationItem({
  notification,
  onMarked,
  onMarkFailed,
}: {
  notification: NotificationDto;
  onMarked: () => Promise<void>;
  onMarkFailed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const sentenceId = useId();
  const linkRef = useRef<HTMLAnchorElement>(null);
  const unread = notification.readAt === null;
  const sentence = notificationSentence(notification);
  const markRead = useMutation({
    mutationFn: () => notificationsApi.markRead(notification.id),
    onSuccess: async () => {
      await onMarked();
      // The button is gone: the focus goes to what it was about rather than to the page.
      linkRef.current?.focus();
    },
    onError: onMarkFailed,
  });
  // Following the link reads it: marked in the background, the count drops wherever it shows.
  const follow = () => {
    if (unread) void notificationsApi.markRead(notification.id).then(onMarked, onMarkFailed);
  };

  return (
    <article
      className={unread ? 'atelier-notification--unread' : undefined}
      aria-labelledby={sentenceId}
    >
      <p className="fr-text--bold fr-mb-1v" id={sentenceId}>
        {unread ? (
          <>
            <span className="fr-badge fr-badge--sm fr-badge--new fr-mr-1w">
              {t('notifications.unread')}
            </span>{' '}
          </>
        ) : null}
        <Link ref={linkRef} to={notificationTarget(notification)} onClick={follow}>
          {t(sentence.key, sentence.values)}
        </Link>
      </p>
      <NotificationDetails notification={notification} locale={locale} />
      <p className="fr-text--xs atelier-muted fr-mb-1v">
        <time dateTime={notification.createdAt}>
          {absoluteDateTimeLabel(notification.createdAt, locale)}
        </time>
      </p>
      {unread ? (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary"
          aria-describedby={sentenceId}
          onClick={() => markRead.mutate()}
          disabled={markRead.isPending}
        >
          {t('notifications.markRead')}
        </button>
      ) : null}
    </article>
  );
}

function NotificationDetails({
  notification,
  locale,
}: {
  notification: NotificationDto;
  locale: string;
}) {
  const { t } = useTranslation();
  if (notification.kind === 'round_opened' || notification.kind === 'round_closing_soon') {
    return (
      <p className="fr-text--sm fr-mb-1v">
        {t('notifications.roundCloses', {
          date: absoluteDateTimeLabel(notification.closesAt, locale),
        })}
      </p>
    );
  }
  return (
    <>
      <p className="fr-text--sm fr-mb-1v">
        {t('notifications.onCommitment', { title: notification.commitmentTitle })}
      </p>
      {notification.excerpt !== null ? (
        <blockquote className="fr-text--sm fr-mb-1v atelier-notification__excerpt">
          {notification.excerpt}
        </blockquote>
      ) : (
        <p className="fr-text--sm fr-mb-1v atelier-muted">
          {t(`notifications.withheld.${notification.excerptWithheld ?? 'deleted'}`)}
        </p>
      )}
    </>
  );
}
