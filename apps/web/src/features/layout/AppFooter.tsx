import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { FOOTER_ID } from './SkipLinks';

export function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="fr-footer" role="contentinfo" id={FOOTER_ID} tabIndex={-1}>
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">{t('layout.footer.description')}</p>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            <li className="fr-footer__bottom-item">
              <Link className="fr-footer__bottom-link" to="/accessibilite">
                {t('layout.footer.accessibility')}
              </Link>
            </li>
          </ul>
          <div className="fr-footer__bottom-copy">
            <p>{t('layout.footer.licence')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
