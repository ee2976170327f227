import { FORUM_LIMITS } from '@atelier/domain';
import { ForumEvent } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CommandError } from './CommandError';
import type { ForumView } from './forumLiveState';
import { useCommandRunner } from './useCommandRunner';
import type { ForumLive } from './useForumLive';

/**
 * "Contribuer par écrit": a short plain-text contribution about the current item, optionally
 * tied to the spotlighted text. Guests who only observe see why they cannot write (the server
 * refuses them anyway).
 */
export function ContributionForm({
  view,
  send,
  spotlightName,
}: {
  view: ForumView;
  send: ForumLive['send'];
  /** The spotlighted commitment's name, when there is one. */
  spotlightName: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [withSpotlight, setWithSpotlight] = useState(true);
  const [sent, setSent] = useState(false);
  const { run, pending, errorCode } = useCommandRunner();
  const running = view.state.status === 'live' || view.state.status === 'paused';
  if (view.state.status === 'ended') return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const spotlighted = spotlightName !== null && withSpotlight;
    const ok = await run(() =>
      send(ForumEvent.Contribute, { body: body.trim(), withSpotlight: spotlighted }),
    );
    if (ok) {
      setBody('');
      setSent(true);
    }
  };

  return (
    <section className="atelier-forum-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fr-h5">
        {t('forum.contributions.form.title')}
      </h2>
      {!view.you.mayComment ? (
        <p className="fr-text--sm">{t('forum.contributions.form.observeOnly')}</p>
      ) : !running ? (
        <p className="fr-text--sm">{t('forum.contributions.form.notRunning')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <CommandError code={errorCode} />
          <div className="fr-input-group">
            <label className="fr-label" htmlFor={`${id}-body`}>
              {t('forum.contributions.form.label')}
              <span className="fr-hint-text">
                {t('forum.contributions.form.hint', { max: FORUM_LIMITS.contributionMax })}
              </span>
            </label>
            <textarea
              id={`${id}-body`}
              className="fr-input"
              rows={3}
              required
              maxLength={FORUM_LIMITS.contributionMax}
              value={body}
              onChange={(event) => {
                setBody(event.target.value);
                setSent(false);
              }}
            />
          </div>
          {spotlightName !== null ? (
            <div className="fr-checkbox-group fr-mb-2w">
              <input
                type="checkbox"
                id={`${id}-spotlight`}
                checked={withSpotlight}
                onChange={(event) => setWithSpotlight(event.target.checked)}
              />
              <label className="fr-label" htmlFor={`${id}-spotlight`}>
                {t('forum.contributions.form.withSpotlight', { name: spotlightName })}
              </label>
            </div>
          ) : null}
          <button type="submit" className="fr-btn" disabled={pending || body.trim() === ''}>
            {t('forum.contributions.form.submit')}
          </button>
          <p role="status" className="fr-text--sm fr-mt-1w fr-mb-0">
            {sent ? t('forum.contributions.form.sent') : ''}
          </p>
        </form>
      )}
    </section>
  );
}
