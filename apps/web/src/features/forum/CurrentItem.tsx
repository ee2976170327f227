import type { AgendaItem, ForumLiveState } from '@atelier/domain';
import { useTranslation } from 'react-i18next';

import { Countdown } from './Countdown';

/**
 * Where the room is in the agenda, with the item's countdown. The item's name sits in a polite
 * live region of its own: a screen reader hears "now: item 3" when the facilitator moves on,
 * and not the seconds ticking.
 */
export function CurrentItem({
  agenda,
  state,
  offsetMs,
  nameOf,
  size = 'md',
  headingLevel = 2,
}: {
  agenda: readonly AgendaItem[];
  state: ForumLiveState;
  offsetMs: number;
  nameOf: (commitmentId: string | null) => string | null;
  size?: 'md' | 'xl';
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const index = state.currentItemIndex;
  const item = index === null ? undefined : agenda[index];
  const commitmentName = item ? nameOf(item.commitmentId) : null;
  return (
    <section className="atelier-forum-panel" aria-labelledby="current-item-title">
      <Heading id="current-item-title" className={size === 'xl' ? 'fr-h3' : 'fr-h5'}>
        {t('forum.currentItem.title')}
      </Heading>
      <div aria-live="polite" aria-atomic="true">
        {item && index !== null ? (
          <>
            <p className="fr-text--sm fr-mb-0 atelier-muted">
              {t('forum.currentItem.position', { position: index + 1, total: agenda.length })}
            </p>
            <p
              className={
                size === 'xl' ? 'atelier-forum-item atelier-forum-item--xl' : 'atelier-forum-item'
              }
            >
              {item.title}
            </p>
            {commitmentName ? (
              <p className="fr-text--sm">
                {t('forum.currentItem.commitment', { name: commitmentName })}
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('forum.currentItem.none')}</p>
        )}
      </div>
      {item && state.itemTimer ? (
        <Countdown
          timer={state.itemTimer}
          offsetMs={offsetMs}
          label={t('forum.currentItem.timeLeft')}
          size={size}
        />
      ) : null}
    </section>
  );
}

/** A sentence on the session's status when it is not simply running. */
export function SessionStatusNotice({ status }: { status: ForumLiveState['status'] }) {
  const { t } = useTranslation();
  if (status === 'live') return null;
  return (
    <div className="fr-notice fr-notice--info fr-mb-2w">
      <div className="fr-container">
        <div className="fr-notice__body">
          <p className="fr-notice__title">{t(`forum.statusNotice.${status}`)}</p>
        </div>
      </div>
    </div>
  );
}
