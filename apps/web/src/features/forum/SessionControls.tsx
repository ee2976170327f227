import { ForumEvent } from '@atelier/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CommandError } from './CommandError';
import type { ForumView } from './forumLiveState';
import type { ForumLive } from './useForumLive';
import { useCommandRunner } from './useCommandRunner';

/** Start, pause, resume, end (ending asks for a confirmation: it cannot be undone). */
export function SessionControls({ view, send }: { view: ForumView; send: ForumLive['send'] }) {
  const { t } = useTranslation();
  const { run, pending, errorCode } = useCommandRunner();
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const status = view.state.status;
  return (
    <section className="atelier-forum-panel" aria-labelledby="controls-title">
      <h2 id="controls-title" className="fr-h5">
        {t('forum.console.controls.title')}
      </h2>
      <p role="status" aria-live="polite">
        {t('forum.console.controls.status', { status: t(`forum.status.${status}`) })}
      </p>
      <CommandError code={errorCode} />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        {status === 'scheduled' ? (
          <li>
            <button
              type="button"
              className="fr-btn"
              disabled={pending}
              onClick={() => void run(() => send(ForumEvent.Start, {}))}
            >
              {t('forum.console.controls.start')}
            </button>
          </li>
        ) : null}
        {status === 'live' ? (
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              disabled={pending}
              onClick={() => void run(() => send(ForumEvent.Pause, {}))}
            >
              {t('forum.console.controls.pause')}
            </button>
          </li>
        ) : null}
        {status === 'paused' ? (
          <li>
            <button
              type="button"
              className="fr-btn"
              disabled={pending}
              onClick={() => void run(() => send(ForumEvent.Resume, {}))}
            >
              {t('forum.console.controls.resume')}
            </button>
          </li>
        ) : null}
        {status === 'live' || status === 'paused' ? (
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary"
              disabled={pending}
              aria-expanded={confirmingEnd}
              onClick={() => setConfirmingEnd((current) => !current)}
            >
              {t('forum.console.controls.end')}
            </button>
          </li>
        ) : null}
      </ul>
      {confirmingEnd && status !== 'ended' ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm">
          <p>{t('forum.console.controls.endWarning')}</p>
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-mt-1w"
            disabled={pending}
            onClick={() =>
              void run(() => send(ForumEvent.End, {})).then((ok) => ok && setConfirmingEnd(false))
            }
          >
            {t('forum.console.controls.confirmEnd')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
