import type { ReadOnlyReason } from '@atelier/domain';
import { useTranslation } from 'react-i18next';

import type { ClientAccessState } from './collab/accessState';

/** Reasons with their own wording when edits were discarded; others share a general one. */
const DISCARD_REASONS: ReadonlySet<ReadOnlyReason> = new Set<ReadOnlyReason>([
  'draft_locked',
  'consultation_closed',
]);

/**
 * Says why the text cannot be changed, not just that it cannot, and when the last words typed
 * were refused by the server and taken back. The live region is always in the page so that a
 * lock arriving while someone types is announced.
 */
export function ReadOnlyNotice({
  access,
  stopped,
  editsDiscarded = false,
}: {
  access: ClientAccessState;
  stopped: boolean;
  editsDiscarded?: boolean;
}) {
  const { t } = useTranslation();
  const readOnly = stopped || (access.access !== 'edit' && access.access !== 'pending');
  const reasonKey = stopped
    ? 'readOnly.reason.disconnected'
    : `readOnly.reason.${access.readOnlyReason ?? 'unknown'}`;
  const discardedKey =
    access.readOnlyReason && DISCARD_REASONS.has(access.readOnlyReason)
      ? `readOnly.editsDiscarded.${access.readOnlyReason}`
      : 'readOnly.editsDiscarded.unknown';
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
              {editsDiscarded ? <p className="fr-mt-1v">{t(discardedKey)}</p> : null}
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
