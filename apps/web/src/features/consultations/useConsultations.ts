import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';

export function useConsultations() {
  return useQuery({ queryKey: queryKeys.consultations, queryFn: api.consultations });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: queryKeys.consultation(id), queryFn: () => api.consultation(id) });
}

/** Titles and "last edit" are derived by the server after edits; refreshed every 15 s. */
export const COMMITMENTS_REFRESH_MS = 15_000;

export function useCommitments(consultationId: string) {
  return useQuery({
    queryKey: queryKeys.commitments(consultationId),
    queryFn: () => api.commitments(consultationId),
    refetchInterval: COMMITMENTS_REFRESH_MS,
  });
}
