import { useTranslation } from 'react-i18next';

import { useDocumentTitle } from '../../lib/useDocumentTitle';

const keyboardItems = ['skip', 'editorLeave', 'toolbar', 'shortcuts'] as const;
const knownIssues = ['cursors', 'tables', 'audit'] as const;

/** "Déclaration d'accessibilité", the page RGAA requires, linked from every page's footer. */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accessibility.title'));
  return (
    <article className="fr-col-12 fr-col-lg-10">
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.intro')}</p>
      <h2>{t('accessibility.status.title')}</h2>
      <p>
        <strong>{t('accessibility.status.level')}</strong>
      </p>
      <p>{t('accessibility.status.detail')}</p>
      <h2>{t('accessibility.keyboard.title')}</h2>
      <ul>
        {keyboardItems.map((item) => (
          <li key={item}>{t(`accessibility.keyboard.${item}`)}</li>
        ))}
      </ul>
      <h2>{t('accessibility.issues.title')}</h2>
      <ul>
        {knownIssues.map((item) => (
          <li key={item}>{t(`accessibility.issues.${item}`)}</li>
        ))}
      </ul>
      <h2>{t('accessibility.technologies.title')}</h2>
      <p>{t('accessibility.technologies.detail')}</p>
      <h2>{t('accessibility.feedback.title')}</h2>
      <p>{t('accessibility.feedback.detail')}</p>
      <h2>{t('accessibility.recourse.title')}</h2>
      <p>{t('accessibility.recourse.detail')}</p>
    </article>
  );
}
