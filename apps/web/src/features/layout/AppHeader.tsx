import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { stateBranding } from '../../app/branding';
import { SessionMenu } from '../auth/SessionMenu';
import { NotificationsHeaderLink } from '../notifications/NotificationsHeaderLink';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The DSFR header. The "République française" block appears only in a state deployment; the
 * neutral header keeps the same structure, sizes and contrast without it.
 */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              {stateBranding ? (
                <div className="fr-header__brand-top">
                  <div className="fr-header__logo">
                    <p className="fr-logo">
                      République
                      <br />
                      française
                    </p>
                  </div>
                </div>
              ) : null}
              <div className="fr-header__service">
                <Link to="/consultations" title={t('layout.homeLinkTitle')}>
                  <p className="fr-header__service-title">{t('app.name')}</p>
                </Link>
                <p className="fr-header__service-tagline">{t('app.tagline')}</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="atelier-header-tools">
                <LanguageSwitch />
                <NotificationsHeaderLink />
                <SessionMenu />
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
