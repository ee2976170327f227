import { useTranslation } from 'react-i18next';

import type { ClientAccessState } from './collab/accessState';

/**
 * Says why the text cannot be changed, not just that it cannot. The live region is always in
 * the page so that a lock arriving while someone types is announced.
 */
export function ReadOnlyNotice({
  access,
  stopped,
}: {
  access: ClientAccessState;
  stopped: boolean;
}) {
  const { t } = useTranslation();
  const readOnly = stopped || (access.access !== 'edit' && access.access !== 'pending');
  const reasonKey = stopped
    ? 'readOnly.reason.disconnected'
    : `readOnly.reason.${access.readOnlyReason ?? 'unknown'}`;
  return (
    <div aria-live="polite" aria-atomic="true">
      {readOnly ? (
        <div
          className="fr-notice fr-notice--info fr-mb-2w atelier-readonly"
          data-testid="read-only-notice"
        >
          <div className="fr-container--fluid fr-px-2w">
            <div className="fr-notice__body">
              <p>
                <span className="fr-notice__title">{t('readOnly.title')}</span>{' '}
                <span className="fr-notice__desc">{t(reasonKey)}</span>
              </p>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
