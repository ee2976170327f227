import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';

import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { MAIN_CONTENT_ID, SkipLinks } from './SkipLinks';

/**
 * Landmarks (banner, main, contentinfo) around every screen. After a client-side navigation the
 * focus goes to <main>, so that screen readers start reading the new page, as after a page load.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <SkipLinks />
      <AppHeader />
      <main
        id={MAIN_CONTENT_ID}
        ref={mainRef}
        tabIndex={-1}
        className="atelier-main"
        aria-label={t('layout.mainLabel')}
      >
        <div className="fr-container fr-py-4w">
          <Outlet />
        </div>
      </main>
      <AppFooter />
    </>
  );
}
