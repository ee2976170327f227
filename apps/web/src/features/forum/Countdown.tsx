import type { ForumTimer } from '@atelier/domain';
import { useTranslation } from 'react-i18next';

import { countdownAnnouncement, formatCountdown, remainingMs } from './serverClock';
import { useNow } from './useNow';

/**
 * Time left on a server timer. The digits change every second but are hidden from screen
 * readers' live announcements; a separate polite region says the time left once a minute, so
 * that nobody hears a number every second.
 */
export function Countdown({
  timer,
  offsetMs,
  label,
  size = 'md',
}: {
  timer: ForumTimer;
  offsetMs: number;
  label: string;
  size?: 'md' | 'xl';
}) {
  const { t } = useTranslation();
  const now = useNow(timer.startedAtMs !== null);
  const left = remainingMs(timer, now, offsetMs);
  const announcement = countdownAnnouncement(left);
  const spoken =
    announcement === 'over'
      ? t('forum.countdown.over')
      : announcement === 'last_minute'
        ? t('forum.countdown.lastMinute')
        : t('forum.countdown.minutesLeft', { count: announcement.minutes });
  return (
    <div className={`atelier-countdown atelier-countdown--${size}`}>
      <p className="atelier-countdown__label fr-mb-0">{label}</p>
      <p className="atelier-countdown__digits fr-mb-0" aria-hidden="true">
        {formatCountdown(left)}
      </p>
      <p className="fr-sr-only" aria-live="polite" aria-atomic="true">
        {spoken}
        {timer.startedAtMs === null ? ` ${t('forum.countdown.paused')}` : ''}
      </p>
      {timer.startedAtMs === null ? (
        <p className="fr-badge fr-badge--sm fr-badge--warning" aria-hidden="true">
          {t('forum.countdown.paused')}
        </p>
      ) : null}
    </div>
  );
}
