import { ForumEvent } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CommandError } from './CommandError';
import type { ForumView } from './forumLiveState';
import type { CommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';
import { useCommandRunner } from './useCommandRunner';

/**
 * Brings every participant to a commitment's draft, optionally to a passage of it (quoted: the
 * participants' screens search the text for it).
 */
export function SpotlightControl({
  view,
  send,
  names,
}: {
  view: ForumView;
  send: ForumLive['send'];
  names: CommitmentNames;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, pending, errorCode } = useCommandRunner();
  const currentItem =
    view.state.currentItemIndex === null
      ? undefined
      : view.session.agenda[view.state.currentItemIndex];
  const [commitmentId, setCommitmentId] = useState('');
  const [quote, setQuote] = useState('');
  // Until the facilitator picks one, offer the current item's commitment.
  const chosen = commitmentId || currentItem?.commitmentId || '';
  const spotlight = view.state.spotlight;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    void run(() =>
      send(ForumEvent.Spotlight, {
        commitmentId: chosen,
        passageQuote: quote.trim() === '' ? null : quote.trim(),
      }),
    );
  };
  return (
    <section className="atelier-forum-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fr-h5">
        {t('forum.console.spotlight.title')}
      </h2>
      <p aria-live="polite">
        {spotlight
          ? t('forum.console.spotlight.current', { name: names.nameOf(spotlight.commitmentId) })
          : t('forum.console.spotlight.none')}
        {spotlight?.passageQuote ? ` — « ${spotlight.passageQuote} »` : ''}
      </p>
      <CommandError code={errorCode} />
      <form onSubmit={submit}>
        <div className="fr-select-group">
          <label className="fr-label" htmlFor={`${id}-commitment`}>
            {t('forum.console.spotlight.commitment')}
          </label>
          <select
            id={`${id}-commitment`}
            className="fr-select"
            value={chosen}
            onChange={(event) => setCommitmentId(event.target.value)}
          >
            <option value="">{t('forum.console.spotlight.choose')}</option>
            {names.list.map((commitment) => (
              <option key={commitment.id} value={commitment.id}>
                {names.nameOf(commitment.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor={`${id}-quote`}>
            {t('forum.console.spotlight.passage')}
            <span className="fr-hint-text">{t('forum.console.spotlight.passageHint')}</span>
          </label>
          <textarea
            id={`${id}-quote`}
            className="fr-input"
            rows={2}
            value={quote}
            onChange={(event) => setQuote(event.target.value)}
          />
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button type="submit" className="fr-btn" disabled={pending || !chosen}>
              {t('forum.console.spotlight.submit')}
            </button>
          </li>
          {spotlight ? (
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                disabled={pending}
                onClick={() => void run(() => send(ForumEvent.Spotlight, { commitmentId: null }))}
              >
                {t('forum.console.spotlight.clear')}
              </button>
            </li>
          ) : null}
        </ul>
      </form>
    </section>
  );
}
