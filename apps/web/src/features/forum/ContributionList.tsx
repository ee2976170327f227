import type { ForumContributionDto } from '@atelier/protocol';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ForumView } from './forumLiveState';
import { newContributions } from './newContributions';

/**
 * The room's wall of written contributions, newest first, as text (never HTML). New ones are
 * announced one short sentence at a time in a polite live region; the list itself is not live,
 * so a screen reader does not read everything again at each arrival.
 */
export function ContributionList({
  view,
  actions,
}: {
  view: ForumView;
  /** The console's moderation controls for one contribution. */
  actions?: (contribution: ForumContributionDto) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeStyle: 'short' });
  const { items, total } = view.contributions;
  const announcement = useArrivalAnnouncement(items);
  const newestFirst = [...items].reverse();
  return (
    <section className="atelier-forum-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fr-h5">
        {t('forum.contributions.title')}{' '}
        <span className="fr-text--sm">({t('forum.contributions.count', { count: total })})</span>
      </h2>
      <p className="fr-sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {items.length === 0 ? <p className="fr-text--sm">{t('forum.contributions.empty')}</p> : null}
      {total > items.length ? (
        <p className="fr-text--sm">
          {t('forum.contributions.onlyLatest', { shown: items.length, total })}
        </p>
      ) : null}
      <ol className="atelier-contributions">
        {newestFirst.map((contribution) => (
          <li key={contribution.id} className="atelier-contribution">
            <p className="fr-text--sm fr-mb-1v atelier-muted">
              {t('forum.contributions.meta', {
                name: contribution.authorName,
                kind: t(`forum.participantKind.${contribution.authorKind}`),
                time: time.format(new Date(contribution.createdAt)),
              })}
              {contribution.agendaItemTitle
                ? ` · ${t('forum.contributions.item', { title: contribution.agendaItemTitle })}`
                : null}
            </p>
            {contribution.hidden ? (
              <p className="fr-text--sm fr-mb-1v atelier-contribution__trace">
                {t('forum.contributions.hiddenTrace', {
                  name: contribution.hidden.hiddenByName,
                  reason: contribution.hidden.reason,
                })}
              </p>
            ) : null}
            {contribution.passageQuote && !contribution.hidden ? (
              <p className="fr-text--sm fr-mb-1v">
                {t('forum.contributions.passage', { quote: contribution.passageQuote })}
              </p>
            ) : null}
            {contribution.body !== null ? (
              <>
                {contribution.hidden ? (
                  <p className="fr-text--xs fr-mb-0">{t('forum.contributions.hiddenBody')}</p>
                ) : null}
                <p className="fr-mb-1v atelier-contribution__body">{contribution.body}</p>
              </>
            ) : null}
            {actions && !contribution.hidden ? actions(contribution) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What to say when contributions arrive (nothing for the list a screen joins with). */
function useArrivalAnnouncement(items: readonly ForumContributionDto[]): string {
  const { t } = useTranslation();
  const seen = useRef<ReadonlySet<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const { fresh, ids } = newContributions(seen.current, items);
    seen.current = ids;
    if (fresh.length === 1)
      setAnnouncement(t('forum.contributions.announceOne', { name: fresh[0]!.authorName }));
    else if (fresh.length > 1)
      setAnnouncement(t('forum.contributions.announceMany', { count: fresh.length }));
  }, [items, t]);
  return announcement;
}
