import { FORUM_LIMITS } from '@atelier/domain';
import { ForumEvent } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ForumView } from './forumLiveState';
import { forumErrorKey } from './forumErrors';
import type { ForumLive } from './useForumLive';

/** Raise a hand (with an optional topic), see one's place in the queue, lower it. */
export function HandControls({ view, send }: { view: ForumView; send: ForumLive['send'] }) {
  const { t } = useTranslation();
  const id = useId();
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const me = view.you.participantId;
  const place = view.state.hands.findIndex((hand) => hand.participantId === me);
  const raised = place >= 0;

  const run = async (action: () => ReturnType<ForumLive['send']>) => {
    setPending(true);
    setError(null);
    const ack = await action();
    setPending(false);
    if (!ack.ok) setError(ack.code);
    return ack.ok;
  };
  const raise = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(() =>
      send(ForumEvent.RaiseHand, { topic: topic.trim() === '' ? null : topic.trim() }),
    );
    if (ok) setTopic('');
  };

  return (
    <section className="atelier-forum-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fr-h5">
        {t('forum.hand.title')}
      </h2>
      <div role="status" aria-live="polite">
        {raised ? (
          <p className="fr-text--bold">
            {t('forum.hand.place', { place: place + 1, total: view.state.hands.length })}
          </p>
        ) : null}
      </div>
      {error ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{t(forumErrorKey(error))}</p>
        </div>
      ) : null}
      {raised ? (
        <button
          type="button"
          className="fr-btn fr-btn--secondary"
          disabled={pending}
          onClick={() => void run(() => send(ForumEvent.LowerHand, { participantId: me }))}
        >
          {t('forum.hand.lower')}
        </button>
      ) : (
        <form onSubmit={(event) => void raise(event)}>
          {/* A topic is a written contribution: guests who only observe raise a bare hand. */}
          {view.you.mayComment ? (
            <div className="fr-input-group">
              <label className="fr-label" htmlFor={`${id}-topic`}>
                {t('forum.hand.topic')}
                <span className="fr-hint-text">{t('forum.hand.topicHint')}</span>
              </label>
              <input
                id={`${id}-topic`}
                className="fr-input"
                maxLength={FORUM_LIMITS.handTopicMax}
                value={topic}
                onChange={(event) => setTopic(event.target.value)}
              />
            </div>
          ) : null}
          <button type="submit" className="fr-btn" disabled={pending}>
            {t('forum.hand.raise')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Said loudly (an alert) when the facilitator gives this participant the floor. */
export function FloorNotice({ view }: { view: ForumView }) {
  const { t } = useTranslation();
  const hasFloor = view.state.floorParticipantId === view.you.participantId;
  return (
    <div role="alert">
      {hasFloor ? (
        <div className="fr-alert fr-alert--info fr-mb-2w atelier-floor">
          <p className="fr-alert__title">{t('forum.hand.youHaveTheFloor')}</p>
        </div>
      ) : null}
    </div>
  );
}
