import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSession } from '../auth/useSession';
import type { ForumView } from './forumLiveState';
import { forumErrorKey } from './forumErrors';
import { guestTokenFor } from './guestToken';
import { useForumLive, type ForumLive } from './useForumLive';

/**
 * What the three screens share: who connects (this tab's guest token, or the session cookie),
 * the live link, and the states before the session's view is there (connecting, refused).
 */
export function ForumScreen({
  sessionId,
  children,
}: {
  sessionId: string;
  children: (live: ForumLive & { view: ForumView }, signedIn: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const guestToken = guestTokenFor(sessionId);
  const signedIn = session.data != null;
  if (session.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!signedIn && !guestToken) {
    return (
      <div className="fr-alert fr-alert--info" role="alert">
        <p className="fr-alert__title">{t('forum.screen.joinFirst')}</p>
        <p>
          <Link to="/rejoindre">{t('forum.screen.goToJoin')}</Link>
        </p>
      </div>
    );
  }
  return (
    <LiveScreen sessionId={sessionId} guestToken={guestToken} signedIn={signedIn}>
      {children}
    </LiveScreen>
  );
}

function LiveScreen({
  sessionId,
  guestToken,
  signedIn,
  children,
}: {
  sessionId: string;
  guestToken: string | null;
  signedIn: boolean;
  children: (live: ForumLive & { view: ForumView }, signedIn: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const live = useForumLive(sessionId, guestToken);
  if (live.connection.status === 'refused') {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p className="fr-alert__title">{t(forumErrorKey(live.connection.code))}</p>
        <p>
          <Link to="/rejoindre">{t('forum.screen.goToJoin')}</Link>
        </p>
      </div>
    );
  }
  if (live.view === null) return <p role="status">{t('forum.screen.joining')}</p>;
  return <>{children({ ...live, view: live.view }, signedIn)}</>;
}
