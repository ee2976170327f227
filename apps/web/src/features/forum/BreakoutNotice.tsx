import type { Breakout } from '@atelier/domain';
import { useTranslation } from 'react-i18next';

import { Countdown } from './Countdown';

/** The participant's group during a breakout: its name, its draft and the time left. */
export function BreakoutNotice({
  breakout,
  participantId,
  offsetMs,
  nameOf,
}: {
  breakout: Breakout;
  participantId: string;
  offsetMs: number;
  nameOf: (commitmentId: string | null) => string | null;
}) {
  const { t } = useTranslation();
  const group = myBreakoutGroup(breakout, participantId);
  return (
    <section
      className="atelier-forum-panel atelier-forum-panel--accent"
      aria-labelledby="breakout-title"
    >
      <h2 id="breakout-title" className="fr-h5">
        {t('forum.breakout.title')}
      </h2>
      <div aria-live="polite" aria-atomic="true">
        {group ? (
          <p className="fr-text--lg fr-mb-1w">
            {t('forum.breakout.yourGroup', {
              group: group.name,
              name: nameOf(group.commitmentId),
            })}
          </p>
        ) : (
          <p>{t('forum.breakout.noGroup')}</p>
        )}
      </div>
      <Countdown timer={breakout.timer} offsetMs={offsetMs} label={t('forum.breakout.timeLeft')} />
    </section>
  );
}

export function myBreakoutGroup(breakout: Breakout | null, participantId: string) {
  return breakout?.groups.find((group) => group.participantIds.includes(participantId)) ?? null;
}
