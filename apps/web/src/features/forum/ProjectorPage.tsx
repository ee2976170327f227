import type { Poll } from '@atelier/domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Countdown } from './Countdown';
import { ConnectionBadge } from './ConnectionBadge';
import { CurrentItem, SessionStatusNotice } from './CurrentItem';
import { ForumScreen } from './ForumScreen';
import type { ForumView, ShownReaction } from './forumLiveState';
import { HandQueue } from './HandQueue';
import { joinUrl } from './joinCode';
import { participantNames } from './participantNames';
import { PollResultsChart } from './PollResultsChart';
import { QrCode } from './QrCode';
import { useCommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';

import './forum.css';

/** The room screen: how to join, where we are, the time left, live results, hands, reactions. */
export function ProjectorPage() {
  const { sessionId = '' } = useParams();
  return (
    <ForumScreen sessionId={sessionId}>
      {(live) => <ProjectorView live={live} view={live.view} />}
    </ForumScreen>
  );
}

/** The poll the room is looking at: the open one opened last, else the one closed last. */
function pollOnScreen(polls: readonly Poll[]): Poll | undefined {
  const byLatest = (key: 'openedAt' | 'closedAt') => (a: Poll, b: Poll) =>
    (b[key] ?? '').localeCompare(a[key] ?? '');
  return (
    polls.filter((poll) => poll.status === 'open').sort(byLatest('openedAt'))[0] ??
    polls.filter((poll) => poll.status === 'closed').sort(byLatest('closedAt'))[0]
  );
}

function ProjectorView({ live, view }: { live: ForumLive; view: ForumView }) {
  const { t } = useTranslation();
  useDocumentTitle(t('forum.projector.pageTitle', { title: view.session.title }));
  const names = useCommitmentNames(view.session.consultationId);
  if (view.you.role !== 'facilitator' || view.session.joinCode === null) {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p className="fr-alert__title">{t('forum.errors.forbidden')}</p>
      </div>
    );
  }
  const url = joinUrl(window.location.origin, view.session.joinCode);
  const poll = pollOnScreen(view.state.polls);
  return (
    <div className="atelier-forum atelier-forum--projector">
      <div className="atelier-forum__header">
        <h1 className="fr-h1 fr-mb-1w">{view.session.title}</h1>
        <ConnectionBadge connection={live.connection} />
      </div>
      <SessionStatusNotice status={view.state.status} />
      <div className="atelier-projector">
        <section
          className="atelier-forum-panel atelier-projector__join"
          aria-labelledby="join-title"
        >
          <h2 id="join-title" className="fr-h3">
            {t('forum.projector.joinTitle')}
          </h2>
          <p className="fr-mb-0">{t('forum.projector.code')}</p>
          <p className="atelier-join-code" data-testid="join-code">
            {view.session.joinCode}
          </p>
          <QrCode text={url} label={t('forum.projector.qrLabel', { url })} />
          <p className="fr-text--sm atelier-break-anywhere">{url}</p>
          <p className="fr-text--lg" data-testid="attendance-count">
            {t('forum.projector.connected', { count: view.attendance.connectedCount })}
          </p>
        </section>
        <div className="atelier-projector__main">
          <CurrentItem
            agenda={view.session.agenda}
            state={view.state}
            offsetMs={view.offsetMs}
            nameOf={names.nameOf}
            size="xl"
          />
          {view.state.breakout ? (
            <section className="atelier-forum-panel" aria-labelledby="projector-breakout">
              <h2 id="projector-breakout" className="fr-h3">
                {t('forum.breakout.title')}
              </h2>
              <ul>
                {view.state.breakout.groups.map((group) => (
                  <li key={group.id} className="fr-text--lg">
                    {t('forum.breakout.groupLine', {
                      group: group.name,
                      name: names.nameOf(group.commitmentId),
                      count: group.participantIds.length,
                    })}
                  </li>
                ))}
              </ul>
              <Countdown
                timer={view.state.breakout.timer}
                offsetMs={view.offsetMs}
                label={t('forum.breakout.timeLeft')}
                size="xl"
              />
            </section>
          ) : null}
          {poll ? (
            <section className="atelier-forum-panel" aria-labelledby="projector-poll">
              <h2 id="projector-poll" className="fr-h3">
                {t('forum.projector.pollTitle')}
              </h2>
              <PollResultsChart poll={poll} results={view.results[poll.id]} size="xl" />
            </section>
          ) : null}
          <HandQueue state={view.state} names={participantNames(view.attendance)} size="xl" />
        </div>
      </div>
      <Reactions reactions={live.reactions} />
    </div>
  );
}

/** Floats up and fades (or just appears, with reduced motion); decorative for the room. */
function Reactions({ reactions }: { reactions: readonly ShownReaction[] }) {
  const { t } = useTranslation();
  return (
    <section className="atelier-reactions" aria-labelledby="reactions-shown-title">
      <h2 id="reactions-shown-title" className="fr-sr-only">
        {t('forum.reactions.shownTitle')}
      </h2>
      <ul className="atelier-plain-list atelier-reactions__list">
        {reactions.map((reaction) => (
          <li key={reaction.id} className={`atelier-reaction atelier-reaction--${reaction.kind}`}>
            {t(`forum.reactions.kind.${reaction.kind}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
