import type { CommentRoundDto } from '@atelier/protocol';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../app/queryClient';
import { useSession } from '../auth/useSession';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { useCommitments } from '../consultations/useConsultations';
import { useCanModerate } from '../moderation/useCanModerate';
import { RoundCard, type RoundPermissions } from './RoundCard';
import { RoundForm } from './RoundForm';
import { roundQueryKeys, roundsApi } from './roundsApi';
import { orderForReading, phaseAt, phaseChanges } from './roundView';
import { useNow } from './useNow';
import './rounds.css';

/** Participation figures move as people comment; the page reads them again this often. */
const ROUNDS_REFRESH_MS = 30_000;
const COUNTDOWN_TICK_MS = 1000;

/**
 * The consultation's comment rounds: what is open, until when, on which commitments, and who
 * took part; facilitators open, change and close rounds here, and signed-in visitors join a
 * public round.
 */
export function RoundsSection() {
  const { t } = useTranslation();
  const { consultation, role } = useConsultationContext();
  const queryClient = useQueryClient();
  const session = useSession();
  const canModerate = useCanModerate(role);
  const finished = consultation.status === 'published' || consultation.status === 'archived';
  const roundsKey = roundQueryKeys.rounds(consultation.id);
  const rounds = useQuery({
    queryKey: roundsKey,
    queryFn: () => roundsApi.list(consultation.id),
    refetchInterval: ROUNDS_REFRESH_MS,
  });
  const commitments = useCommitments(consultation.id);
  const now = useNow(COUNTDOWN_TICK_MS);
  const [creating, setCreating] = useState(false);
  const [focusRoundId, setFocusRoundId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const createButtonRef = useRef<HTMLButtonElement>(null);

  usePhaseAnnouncements(rounds.data, now, (changed) => {
    setAnnouncement(
      changed
        .map((round) => t(`rounds.phaseChanged.${phaseAt(round, now)}`, { title: round.title }))
        .join(' '),
    );
    void queryClient.invalidateQueries({ queryKey: roundsKey });
  });

  const signedIn = session.data != null;
  const may: RoundPermissions = {
    manage: canModerate && !finished,
    join: signedIn && (role === null || role === 'observer'),
    signIn: session.isSuccess && !signedIn,
  };

  const remember = (saved: CommentRoundDto) => {
    queryClient.setQueryData<CommentRoundDto[]>(roundsKey, (list) =>
      list ? [...list.filter((round) => round.id !== saved.id), saved] : [saved],
    );
    void queryClient.invalidateQueries({ queryKey: roundsKey });
  };

  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t('rounds.title')}</h2>
      <p>{t('rounds.intro')}</p>
      <div aria-live="polite">
        {announcement ? (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
            <p>{announcement}</p>
          </div>
        ) : null}
      </div>
      {may.manage && !creating ? (
        <button
          ref={createButtonRef}
          type="button"
          className="fr-btn fr-mb-4w"
          onClick={() => setCreating(true)}
        >
          {t('rounds.create')}
        </button>
      ) : null}
      {creating ? (
        <RoundForm
          consultationId={consultation.id}
          commitments={commitments.data ?? []}
          round={null}
          headingLevel={3}
          onSaved={(round) => {
            remember(round);
            setCreating(false);
            setFocusRoundId(round.id);
            setAnnouncement(t('rounds.created', { title: round.title }));
          }}
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => createButtonRef.current?.focus());
          }}
        />
      ) : null}
      <QueryState query={rounds}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('rounds.empty')}</p>
          ) : (
            orderForReading(list, now).map((round) => (
              <RoundCard
                key={round.id}
                round={round}
                commitments={commitments.data ?? []}
                now={now}
                may={may}
                focusOnMount={round.id === focusRoundId}
                onChanged={remember}
                onJoined={(joined) => {
                  setAnnouncement(t('rounds.join.done', { title: joined.title }));
                  // The new role shows in the heading, the navigation and the editor.
                  void queryClient.invalidateQueries({
                    queryKey: queryKeys.consultation(consultation.id),
                  });
                  void queryClient.invalidateQueries({ queryKey: queryKeys.me });
                }}
              />
            ))
          )
        }
      </QueryState>
    </section>
  );
}

/**
 * Calls `announce` with the rounds whose phase changed since the last tick (a round opening or
 * closing while the page is open, or closed early by a facilitator), never on the first reading.
 */
function usePhaseAnnouncements(
  rounds: readonly CommentRoundDto[] | undefined,
  now: number,
  announce: (changed: CommentRoundDto[]) => void,
): void {
  const seen = useRef<Map<string, string> | null>(null);
  const announceRef = useRef(announce);
  useEffect(() => {
    announceRef.current = announce;
  });
  useEffect(() => {
    if (!rounds) return;
    const before = seen.current;
    seen.current = new Map(rounds.map((round) => [round.id, phaseAt(round, now)]));
    if (!before) return;
    const changed = phaseChanges(rounds, before, now);
    if (changed.length > 0) announceRef.current(changed);
  }, [rounds, now]);
}
