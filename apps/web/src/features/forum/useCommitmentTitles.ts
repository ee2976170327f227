import type { CommitmentDto } from '@atelier/protocol';
import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { displayTitle } from '../commitments/commitmentView';

export interface CommitmentNames {
  readonly list: readonly CommitmentDto[];
  /** "3. Open data…", or a placeholder while loading or for a commitment this screen cannot read. */
  readonly nameOf: (commitmentId: string | null) => string | null;
}

/** The consultation's commitments, to name agenda items, spotlights, groups and poll options. */
export function useCommitmentNames(consultationId: string | undefined): CommitmentNames {
  const commitments = useQuery({
    queryKey: queryKeys.commitments(consultationId ?? ''),
    queryFn: () => api.commitments(consultationId ?? ''),
    enabled: consultationId !== undefined,
  });
  const list = commitments.data ?? [];
  const byId = new Map(list.map((commitment) => [commitment.id, commitment]));
  return {
    list,
    nameOf: (commitmentId) => {
      if (commitmentId === null) return null;
      const commitment = byId.get(commitmentId);
      return commitment ? `${commitment.number}. ${displayTitle(commitment)}` : '…';
    },
  };
}
