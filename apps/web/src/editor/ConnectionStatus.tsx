import { useTranslation } from 'react-i18next';

import type { ConnectionState } from './collab/connectionState';

const badgeClass: Record<ConnectionState['status'], string> = {
  connecting: 'fr-badge--info',
  connected: 'fr-badge--success',
  reconnecting: 'fr-badge--warning',
  offline: 'fr-badge--warning',
  stopped: 'fr-badge--error',
};

/**
 * Always visible, in words (not colour alone), and announced politely when it changes: a writer
 * must know whether what they type reaches the others.
 */
export function ConnectionStatus({
  connection,
  onRetry,
}: {
  connection: ConnectionState;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const { status, stopReason } = connection;
  return (
    <div className="atelier-connection" role="status" aria-live="polite">
      <p className={`fr-badge fr-badge--sm ${badgeClass[status]}`}>
        {t(`connection.status.${status}`)}
      </p>
      <p className="fr-text--xs fr-mb-0 atelier-muted">
        {status === 'stopped'
          ? t(`connection.stopReason.${stopReason ?? 'unknown'}`, {
              defaultValue: t('connection.stopReason.unknown'),
            })
          : t(`connection.detail.${status}`)}
      </p>
      {status === 'stopped' ? (
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={onRetry}>
          {t('connection.retry')}
        </button>
      ) : null}
    </div>
  );
}
