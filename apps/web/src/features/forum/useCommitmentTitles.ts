import type { CommitmentDto } from '@atelier/protocol';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { displayTitle } from '../commitments/commitmentView';
import { forumApi } from './forumApi';
import type { ForumView } from './forumLiveState';
import { admittedByCode, isSessionRunning, sessionCommitmentIds } from './sessionDrafts';

export interface CommitmentNames {
  readonly list: readonly CommitmentDto[];
  /** "3. Open data…", or a placeholder while loading or for a commitment this screen cannot read. */
  readonly nameOf: (commitmentId: string | null) => string | null;
  readonly find: (commitmentId: string) => CommitmentDto | undefined;
  readonly query: UseQueryResult<CommitmentDto[]>;
}

/** The consultation's commitments, to name agenda items, spotlights, groups and poll options. */
export function useCommitmentNames(consultationId: string | undefined): CommitmentNames {
  const commitments = useQuery({
    queryKey: queryKeys.commitments(consultationId ?? ''),
    queryFn: () => api.commitments(consultationId ?? ''),
    enabled: consultationId !== undefined,
  });
  return namesFrom(commitments);
}

/**
 * The commitments a participant's screen may name and open. Members read the consultation;
 * guests and people who joined by code may not, so they get the session's own commitments
 * (asked again whenever the agenda, spotlight or groups name a new one) while it runs.
 */
export function useParticipantCommitmentNames(view: ForumView): CommitmentNames {
  const byCode = admittedByCode(view.you.role);
  const ids = sessionCommitmentIds(view.session, view.state);
  const consultation = useQuery({
    queryKey: queryKeys.commitments(view.session.consultationId),
    queryFn: () => api.commitments(view.session.consultationId),
    enabled: !byCode,
  });
  const session = useQuery({
    queryKey: ['forum-sessions', view.session.id, 'commitments', ...ids],
    queryFn: () => forumApi.sessionCommitments(view.session.id),
    enabled: byCode && isSessionRunning(view.state.status),
    placeholderData: keepPreviousData,
  });
  return namesFrom(byCode ? session : consultation);
}

function namesFrom(query: UseQueryResult<CommitmentDto[]>): CommitmentNames {
  const list = query.data ?? [];
  const byId = new Map(list.map((commitment) => [commitment.id, commitment]));
  return {
    list,
    nameOf: (commitmentId) => {
      if (commitmentId === null) return null;
      const commitment = byId.get(commitmentId);
      return commitment ? `${commitment.number}. ${displayTitle(commitment)}` : '…';
    },
    find: (commitmentId) => byId.get(commitmentId),
    query,
  };
}
