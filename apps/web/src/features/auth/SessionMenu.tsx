import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

import { api } from '../../lib/api';
import { clearOfflineCopies } from './clearOfflineCopies';
import { useSession } from './useSession';

/** Who is signed in, and the way in or out. */
export function SessionMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useMutation({
    mutationFn: async () => {
      await api.logout();
      await clearOfflineCopies();
    },
    onSettled: async () => {
      queryClient.clear();
      await navigate('/connexion');
    },
  });

  if (session.isPending) return null;
  const me = session.data;
  if (!me) {
    const returnTo = location.pathname + location.search;
    return (
      <Link className="fr-btn fr-btn--sm" to={`/connexion?retour=${encodeURIComponent(returnTo)}`}>
        {t('auth.signIn')}
      </Link>
    );
  }
  return (
    <div className="atelier-session">
      <p className="fr-text--sm fr-mb-0">
        <span className="fr-sr-only">{t('auth.signedInAs')} </span>
        {me.displayName}
        {me.organisation ? <span className="atelier-muted"> · {me.organisation.name}</span> : null}
      </p>
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--secondary"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}
