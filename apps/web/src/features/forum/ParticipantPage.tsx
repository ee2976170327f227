import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { BreakoutNotice, myBreakoutGroup } from './BreakoutNotice';
import { ConnectionBadge } from './ConnectionBadge';
import { ContributionForm } from './ContributionForm';
import { ContributionList } from './ContributionList';
import { CurrentItem, SessionStatusNotice } from './CurrentItem';
import { ForumScreen } from './ForumScreen';
import { FloorNotice, HandControls } from './HandControls';
import { ParticipantPolls } from './ParticipantPolls';
import { ReactionButtons } from './ReactionButtons';
import { SpotlightPanel } from './SpotlightPanel';
import { useParticipantCommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';
import type { ForumView } from './forumLiveState';

import './forum.css';

/** The participant's screen, phone first: one column, most urgent first, the draft last. */
export function ParticipantPage() {
  const { sessionId = '' } = useParams();
  return (
    <ForumScreen sessionId={sessionId}>
      {(live, signedIn) => <ParticipantView live={live} view={live.view} signedIn={signedIn} />}
    </ForumScreen>
  );
}

function ParticipantView({
  live,
  view,
  signedIn,
}: {
  live: ForumLive;
  view: ForumView;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('forum.participant.pageTitle', { title: view.session.title }));
  const names = useParticipantCommitmentNames(view);
  const group = myBreakoutGroup(view.state.breakout, view.you.participantId);
  const ended = view.state.status === 'ended';
  return (
    <div className="atelier-forum atelier-forum--participant">
      <div className="atelier-forum__header">
        <h1 className="fr-h3 fr-mb-1w">{view.session.title}</h1>
        <ConnectionBadge connection={live.connection} />
      </div>
      <p className="fr-text--sm atelier-muted">
        {t('forum.participant.youAre', { name: view.you.displayName })}
      </p>
      <SessionStatusNotice status={view.state.status} />
      <FloorNotice view={view} />
      <CurrentItem
        agenda={view.session.agenda}
        state={view.state}
        offsetMs={view.offsetMs}
        nameOf={names.nameOf}
      />
      <ContributionForm
        view={view}
        send={live.send}
        spotlightName={
          view.state.spotlight
            ? (names.nameOf(view.state.spotlight.commitmentId) ??
              t('forum.contributions.spotlight'))
            : null
        }
      />
      {view.state.breakout ? (
        <BreakoutNotice
          breakout={view.state.breakout}
          participantId={view.you.participantId}
          offsetMs={view.offsetMs}
          nameOf={names.nameOf}
        />
      ) : null}
      <ParticipantPolls view={view} send={live.send} />
      {ended ? null : (
        <>
          <HandControls view={view} send={live.send} />
          <ReactionButtons send={live.send} />
        </>
      )}
      <ContributionList view={view} />
      <SpotlightPanel
        view={view}
        names={names}
        breakoutCommitmentId={group?.commitmentId ?? null}
        signedIn={signedIn}
      />
    </div>
  );
}
