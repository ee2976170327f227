import { useTranslation } from 'react-i18next';

import { api } from '../../lib/api';
import { useAuthProviders } from './useAuthProviders';

/** "S'identifier avec ProConnect / FranceConnect", only for the providers the server offers. */
export function ProviderButtons({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  const list = providers.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="fr-mb-4w" aria-labelledby="provider-buttons-title">
      <h2 id="provider-buttons-title" className="fr-h5">
        {t('auth.providers.title')}
      </h2>
      {list.map((provider) => (
        <div className="fr-connect-group" key={provider.id}>
          <a className="fr-btn fr-connect" href={api.oidcStartUrl(provider.id, returnTo)}>
            <span className="fr-connect__login">{t('auth.providers.signInWith')}</span>{' '}
            <span className="fr-connect__brand">{provider.name}</span>
          </a>
        </div>
      ))}
      <p className="fr-hr-or">{t('auth.providers.or')}</p>
    </section>
  );
}
