import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'contenu';
export const FOOTER_ID = 'pied-de-page';

/** The first thing a keyboard user reaches: straight to the content or the footer. */
export function SkipLinks() {
  const { t } = useTranslation();
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" aria-label={t('layout.skipLinksLabel')}>
        <ul className="fr-skiplinks__list">
          <li>
            <a className="fr-link" href={`#${MAIN_CONTENT_ID}`}>
              {t('layout.skipToContent')}
            </a>
          </li>
          <li>
            <a className="fr-link" href={`#${FOOTER_ID}`}>
              {t('layout.skipToFooter')}
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
