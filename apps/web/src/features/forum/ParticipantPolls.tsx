import type { Ballot, Poll } from '@atelier/domain';
import { ForumEvent } from '@atelier/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ForumView } from './forumLiveState';
import { forumErrorKey } from './forumErrors';
import { PollBallot } from './PollBallot';
import { PollResultsChart } from './PollResultsChart';
import type { ForumLive } from './useForumLive';

/**
 * The open polls (a ballot, then "vote recorded" and the results when they are visible), and
 * the results of the poll closed last.
 */
export function ParticipantPolls({ view, send }: { view: ForumView; send: ForumLive['send'] }) {
  const { t } = useTranslation();
  const open = view.state.polls.filter((poll) => poll.status === 'open');
  const lastClosed = view.state.polls
    .filter((poll) => poll.status === 'closed')
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
  return (
    <section className="atelier-forum-panel" aria-labelledby="polls-title">
      <h2 id="polls-title" className="fr-h5">
        {t('forum.polls.title')}
      </h2>
      {open.length === 0 && !lastClosed ? <p>{t('forum.polls.none')}</p> : null}
      {open.map((poll) => (
        <OpenPoll key={poll.id} poll={poll} view={view} send={send} />
      ))}
      {lastClosed && open.length === 0 ? (
        <PollResultsChart poll={lastClosed} results={view.results[lastClosed.id]} />
      ) : null}
    </section>
  );
}

function OpenPoll({ poll, view, send }: { poll: Poll; view: ForumView; send: ForumLive['send'] }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const voted = view.you.votedPollIds.includes(poll.id);
  const vote = async (ballot: Ballot) => {
    setPending(true);
    setError(null);
    const ack = await send(ForumEvent.Vote, { pollId: poll.id, ballot });
    setPending(false);
    if (!ack.ok) setError(ack.code);
  };
  return (
    <div className="fr-mb-3w">
      {/* Announced when the vote goes through or is refused. */}
      <div role="status" aria-live="polite">
        {voted ? (
          <p className="fr-alert fr-alert--success fr-alert--sm">{t('forum.polls.voteRecorded')}</p>
        ) : null}
      </div>
      {error && !voted ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{t(forumErrorKey(error))}</p>
        </div>
      ) : null}
      {voted ? (
        <PollResultsChart poll={poll} results={view.results[poll.id]} />
      ) : (
        <PollBallot poll={poll} pending={pending} onVote={(ballot) => void vote(ballot)} />
      )}
    </div>
  );
}
