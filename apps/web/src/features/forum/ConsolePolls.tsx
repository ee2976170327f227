import { ForumEvent } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';

import { CommandError } from './CommandError';
import type { ForumView } from './forumLiveState';
import { PollComposer } from './PollComposer';
import { PollResultsChart } from './PollResultsChart';
import type { CommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';
import { useCommandRunner } from './useCommandRunner';

const STATUS_BADGE = { draft: 'fr-badge--info', open: 'fr-badge--success', closed: '' } as const;

/** Polls: prepare one, open it, close it; live results of each (facilitators always see them). */
export function ConsolePolls({
  view,
  send,
  names,
}: {
  view: ForumView;
  send: ForumLive['send'];
  names: CommitmentNames;
}) {
  const { t } = useTranslation();
  const { run, pending, errorCode } = useCommandRunner();
  const polls = [...view.state.polls].reverse();
  return (
    <section className="atelier-forum-panel" aria-labelledby="console-polls-title">
      <h2 id="console-polls-title" className="fr-h5">
        {t('forum.polls.title')}
      </h2>
      <PollComposer send={send} names={names} />
      <CommandError code={errorCode} />
      {polls.length === 0 ? <p>{t('forum.polls.none')}</p> : null}
      <ul className="atelier-plain-list">
        {polls.map((poll) => (
          <li key={poll.id} className="atelier-console-poll">
            <p className={`fr-badge fr-badge--sm ${STATUS_BADGE[poll.status]}`}>
              {t(`forum.pollStatus.${poll.status}`)}
            </p>
            <PollResultsChart poll={poll} results={view.results[poll.id]} />
            {poll.status === 'draft' ? (
              <button
                type="button"
                className="fr-btn fr-btn--sm"
                disabled={pending}
                onClick={() => void run(() => send(ForumEvent.OpenPoll, { pollId: poll.id }))}
              >
                {t('forum.console.polls.open', { question: poll.question })}
              </button>
            ) : null}
            {poll.status === 'open' ? (
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--secondary"
                disabled={pending}
                onClick={() => void run(() => send(ForumEvent.ClosePoll, { pollId: poll.id }))}
              >
                {t('forum.console.polls.close', { question: poll.question })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
