import { useTranslation } from 'react-i18next';

import type { ForumConnection } from './useForumLive';

const badgeClass: Record<ForumConnection['status'], string> = {
  connecting: 'fr-badge--info',
  connected: 'fr-badge--success',
  reconnecting: 'fr-badge--warning',
  refused: 'fr-badge--error',
};

/** In words, not colour alone, and announced when it changes. */
export function ConnectionBadge({ connection }: { connection: ForumConnection }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="atelier-forum-connection">
      <p className={`fr-badge fr-badge--sm ${badgeClass[connection.status]} fr-mb-0`}>
        {t(`forum.connection.${connection.status}`)}
      </p>
    </div>
  );
}
