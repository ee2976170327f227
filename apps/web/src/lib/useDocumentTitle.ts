import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each screen names itself in the tab title ("Page – Atelier"), as RGAA 8.6 asks. */
export function useDocumentTitle(pageTitle: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${t('app.name')}` : t('app.name');
  }, [pageTitle, t]);
}
