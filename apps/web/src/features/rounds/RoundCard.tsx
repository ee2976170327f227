import type { CommentRoundPhase } from '@atelier/domain';
import type { CommentRoundDto, CommitmentDto } from '@atelier/protocol';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { ErrorAlert } from '../../lib/formFields';
import { absoluteDateTimeLabel, displayTitle } from '../commitments/commitmentView';
import { ParticipationTable } from './ParticipationTable';
import { RoundForm } from './RoundForm';
import { roundErrorKey } from './roundErrors';
import { roundsApi } from './roundsApi';
import { formatDuration, participationRows, phaseAt, timeLeftMs } from './roundView';

const phaseBadge: Record<CommentRoundPhase, string> = {
  scheduled: 'fr-badge--info',
  open: 'fr-badge--success',
  closed: 'fr-badge--warning',
};

/** What the person may do with this round, decided by the page from their role and session. */
export interface RoundPermissions {
  /** Facilitators: change the round, close it early. */
  readonly manage: boolean;
  /** Signed in without a role (or only reading): may join an open public round. */
  readonly join: boolean;
  /** Signed out: invited to sign in to take part in an open public round. */
  readonly signIn: boolean;
}

/**
 * One round: its phase, dates and time left, instructions, the commitments concerned and who
 * commented on them; the facilitators' actions and "Participer" for a public round.
 */
export function RoundCard({
  round,
  commitments,
  now,
  may,
  focusOnMount,
  onChanged,
  onJoined,
}: {
  round: CommentRoundDto;
  commitments: readonly CommitmentDto[];
  /** The browser's clock, ticking every second. */
  now: number;
  may: RoundPermissions;
  /** Just created: the focus lands on its heading. */
  focusOnMount: boolean;
  onChanged: (round: CommentRoundDto) => void;
  onJoined: (round: CommentRoundDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const titleId = `round-${round.id}-title`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const phase = phaseAt(round, now);

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const closeNow = useMutation({
    mutationFn: () => roundsApi.closeNow(round.id),
    onSuccess: onChanged,
  });
  const join = useMutation({
    mutationFn: () => roundsApi.join(round.id),
    onSuccess: () => onJoined(round),
  });
  const failure = closeNow.error ?? join.error;
  const joinable = phase === 'open' && round.audience === 'public';

  return (
    <article className="atelier-round fr-mb-6w" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {round.title}
      </h3>
      <ul className="fr-badges-group fr-mb-2w">
        <li>
          <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${phaseBadge[phase]}`}>
            {t(`rounds.phase.${phase}`)}
          </p>
        </li>
        <li>
          <p className="fr-badge fr-badge--sm fr-badge--no-icon">
            {t(`rounds.audience.${round.audience}`)}
          </p>
        </li>
      </ul>
      <p className="fr-mb-1w">
        {t('rounds.dates', {
          opens: absoluteDateTimeLabel(round.opensAt, locale),
          closes: absoluteDateTimeLabel(round.closesAt, locale),
        })}
      </p>
      <TimeLeft round={round} now={now} locale={locale} />
      {round.instructions ? (
        <>
          <h4 className="fr-h6 fr-mb-1w">{t('rounds.instructions')}</h4>
          <p className="atelier-round__instructions">{round.instructions}</p>
        </>
      ) : null}
      <h4 className="fr-h6 fr-mb-1w">{t('rounds.commitments')}</h4>
      <ConcernedCommitments round={round} commitments={commitments} />
      <h4 className="fr-h6 fr-mb-1w">{t('rounds.participation.title')}</h4>
      <ParticipationTable
        consultationId={round.consultationId}
        roundTitle={round.title}
        rows={participationRows(
          round,
          commitments.map((commitment) => ({ ...commitment, title: displayTitle(commitment) })),
        )}
      />
      {failure ? <ErrorAlert title={t(roundErrorKey(failure))} /> : null}
      {joinable && may.join ? (
        <div className="fr-mb-2w">
          <p className="fr-mb-1w">{t('rounds.join.explanation')}</p>
          <button
            type="button"
            className="fr-btn"
            disabled={join.isPending}
            aria-describedby={titleId}
            onClick={() => join.mutate()}
          >
            {t('rounds.join.button')}
          </button>
        </div>
      ) : null}
      {joinable && may.signIn ? <SignInToJoin /> : null}
      {may.manage && !editing ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          <li>
            <button
              ref={editButtonRef}
              type="button"
              className="fr-btn fr-btn--secondary"
              aria-label={t('rounds.editLabel', { title: round.title })}
              onClick={() => setEditing(true)}
            >
              {t('rounds.edit')}
            </button>
          </li>
          {phase === 'open' ? (
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary"
                disabled={closeNow.isPending}
                aria-label={t('rounds.closeNowLabel', { title: round.title })}
                onClick={() => {
                  if (window.confirm(t('rounds.closeNowConfirm', { title: round.title })))
                    closeNow.mutate();
                }}
              >
                {t('rounds.closeNow')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {editing ? (
        <RoundForm
          consultationId={round.consultationId}
          commitments={commitments}
          round={round}
          headingLevel={4}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
            requestAnimationFrame(() => headingRef.current?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
        />
      ) : null}
    </article>
  );
}

/**
 * The countdown. Deliberately not a live region: it changes every second in the last hour, and
 * a screen reader would read it out each time. The page announces the phase changes instead.
 */
function TimeLeft({ round, now, locale }: { round: CommentRoundDto; now: number; locale: string }) {
  const { t } = useTranslation();
  const left = timeLeftMs(round, now);
  const phase = phaseAt(round, now);
  if (phase === 'closed' || left === null) {
    return <p className="atelier-round__time">{t('rounds.responsePhase')}</p>;
  }
  const duration = formatDuration(left, locale);
  return (
    <p className="atelier-round__time">
      {phase === 'open' ? t('rounds.timeLeft', { duration }) : t('rounds.opensIn', { duration })}
    </p>
  );
}

function ConcernedCommitments({
  round,
  commitments,
}: {
  round: CommentRoundDto;
  commitments: readonly CommitmentDto[];
}) {
  const { t } = useTranslation();
  if (round.commitmentIds.length === 0) return <p>{t('rounds.allCommitments')}</p>;
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  return (
    <ul>
      {round.commitmentIds.map((id) => {
        const commitment = byId.get(id);
        return (
          <li key={id}>
            {commitment ? (
              <Link to={`/consultations/${round.consultationId}/engagements/${id}`}>
                {t('rounds.commitmentLabel', {
                  number: commitment.number,
                  title: displayTitle(commitment),
                })}
              </Link>
            ) : (
              t('rounds.participation.unknownCommitment')
            )}
          </li>
        );
      })}
    </ul>
  );
}

function SignInToJoin() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <p>
      {t('rounds.join.signedOut')}{' '}
      <Link to={`/connexion?retour=${encodeURIComponent(location.pathname)}`}>
        {t('auth.signIn')}
      </Link>
    </p>
  );
}
