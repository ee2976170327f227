import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { isApiError } from '../../lib/apiError';

/** Loading and error states of a screen's main query, said in words (and announced). */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  if (query.isPending) {
    return (
      <p role="status" className="fr-text--lg">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    const error = query.error;
    const needsSignIn = isApiError(error, 401);
    const key = needsSignIn
      ? 'errors.authentication_required'
      : isApiError(error, 404)
        ? 'errors.not_found'
        : isApiError(error, 403)
          ? 'errors.forbidden'
          : isApiError(error, 0)
            ? 'errors.network_error'
            : 'errors.unknown';
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p className="fr-alert__title">{t(key)}</p>
        {needsSignIn ? (
          <p>
            <Link to={`/connexion?retour=${encodeURIComponent(location.pathname)}`}>
              {t('auth.signIn')}
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
