import { ForumEvent } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AgendaControl } from './AgendaControl';
import { AttendanceList } from './AttendanceList';
import { BreakoutControl } from './BreakoutControl';
import { CommandError } from './CommandError';
import { ConnectionBadge } from './ConnectionBadge';
import { ConsoleContributions } from './ConsoleContributions';
import { ConsolePolls } from './ConsolePolls';
import { ForumScreen } from './ForumScreen';
import type { ForumView } from './forumLiveState';
import { HandQueue } from './HandQueue';
import { participantNames } from './participantNames';
import { SessionControls } from './SessionControls';
import { SpotlightControl } from './SpotlightControl';
import { useCommandRunner } from './useCommandRunner';
import { useCommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';

import './forum.css';

/** The facilitator's console, for a laptop: two columns, the room on the left, tools right. */
export function ConsolePage() {
  const { sessionId = '' } = useParams();
  return (
    <ForumScreen sessionId={sessionId}>
      {(live) => <ConsoleView live={live} view={live.view} />}
    </ForumScreen>
  );
}

function ConsoleView({ live, view }: { live: ForumLive; view: ForumView }) {
  const { t } = useTranslation();
  useDocumentTitle(t('forum.console.pageTitle', { title: view.session.title }));
  const names = useCommitmentNames(view.session.consultationId);
  if (view.you.role !== 'facilitator') {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p className="fr-alert__title">{t('forum.errors.forbidden')}</p>
      </div>
    );
  }
  const base = `/forums/${view.session.id}`;
  return (
    <div className="atelier-forum atelier-forum--console">
      <nav role="navigation" className="fr-breadcrumb" aria-label={t('layout.breadcrumbLabel')}>
        <ol className="fr-breadcrumb__list">
          <li>
            <Link
              className="fr-breadcrumb__link"
              to={`/consultations/${view.session.consultationId}/forums`}
            >
              {t('forum.list.title')}
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              {t('forum.console.title')}
            </a>
          </li>
        </ol>
      </nav>
      <div className="atelier-forum__header">
        <h1 className="fr-h2 fr-mb-1w">
          {t('forum.console.heading', { title: view.session.title })}
        </h1>
        <ConnectionBadge connection={live.connection} />
      </div>
      <p>
        {view.session.joinCode
          ? t('forum.console.joinCode', { code: view.session.joinCode })
          : null}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${base}/projecteur`} target="_blank">
            {t('forum.links.projector')}
            <span className="fr-sr-only"> {t('forum.links.newWindow')}</span>
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={base} target="_blank">
            {t('forum.links.participant')}
            <span className="fr-sr-only"> {t('forum.links.newWindow')}</span>
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${base}/compte-rendu`}>
            {t('forum.links.minutes')}
          </Link>
        </li>
      </ul>
      <div className="atelier-console">
        <div className="atelier-console__column">
          <SessionControls view={view} send={live.send} />
          <AgendaControl view={view} send={live.send} nameOf={names.nameOf} />
          <SpotlightControl view={view} send={live.send} names={names} />
          <ConsoleHands view={view} send={live.send} />
          <ConsoleContributions view={view} send={live.send} />
        </div>
        <div className="atelier-console__column">
          <ConsolePolls view={view} send={live.send} names={names} />
          <BreakoutControl view={view} send={live.send} names={names} />
          <AttendanceList attendance={view.attendance} />
        </div>
      </div>
    </div>
  );
}

function ConsoleHands({ view, send }: { view: ForumView; send: ForumLive['send'] }) {
  const { t } = useTranslation();
  const { run, pending, errorCode } = useCommandRunner();
  const names = participantNames(view.attendance);
  return (
    <>
      <CommandError code={errorCode} />
      <HandQueue
        state={view.state}
        names={names}
        actions={(participantId, name) => (
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--sm"
                disabled={pending || view.state.floorParticipantId === participantId}
                onClick={() => void run(() => send(ForumEvent.GiveFloor, { participantId }))}
              >
                {t('forum.hands.giveFloor', { name })}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--tertiary"
                disabled={pending}
                onClick={() => void run(() => send(ForumEvent.LowerHand, { participantId }))}
              >
                {t('forum.hands.lowerFor', { name })}
              </button>
            </li>
          </ul>
        )}
      />
      {view.state.floorParticipantId ? (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--secondary fr-mb-3w"
          disabled={pending}
          onClick={() => void run(() => send(ForumEvent.GiveFloor, { participantId: null }))}
        >
          {t('forum.hands.takeFloorBack')}
        </button>
      ) : null}
    </>
  );
}
