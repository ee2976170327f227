import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { CollaborativeEditor } from '../../editor/CollaborativeEditor';
import { presenceColorFor } from '../../editor/presence/presenceColors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/useSession';
import { QueryState } from '../consultations/QueryState';
import { forumApi, forumQueryKeys } from './forumApi';

import './forum.css';

/** `/forums/:sessionId/compte-rendu`: the session's minutes, kept in the consultation's record. */
export function MinutesPage() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession().data ?? null;
  const session = useQuery({
    queryKey: forumQueryKeys.session(sessionId),
    queryFn: () => forumApi.session(sessionId),
  });
  return (
    <QueryState query={session}>
      {(data) => (
        <MinutesScreen
          session={data}
          userName={me?.displayName ?? t('presence.anonymous')}
          userId={me?.id ?? 'anonymous'}
        />
      )}
    </QueryState>
  );
}

function MinutesScreen({
  session,
  userName,
  userId,
}: {
  session: { id: string; title: string; consultationId: string; minutesDocName: string };
  userName: string;
  userId: string;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('forum.minutes.pageTitle', { title: session.title }));
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label={t('layout.breadcrumbLabel')}>
        <ol className="fr-breadcrumb__list">
          <li>
            <Link
              className="fr-breadcrumb__link"
              to={`/consultations/${session.consultationId}/forums`}
            >
              {t('forum.list.title')}
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              {t('forum.minutes.title')}
            </a>
          </li>
        </ol>
      </nav>
      <h1 className="fr-h2">{t('forum.minutes.heading', { title: session.title })}</h1>
      <p>{t('forum.minutes.intro')}</p>
      {/* Co-edited live like a draft (same endpoint, toolbar and presence), without comments;
          the server appends the polls' results and the attendance when the session ends. */}
      <CollaborativeEditor
        key={session.minutesDocName}
        docName={session.minutesDocName}
        userName={userName}
        color={presenceColorFor(userId)}
        persistOffline={false}
        textLabel={t('forum.minutes.textLabel')}
        comments={null}
      />
    </>
  );
}
