import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';

export function useConsultations() {
  return useQuery({ queryKey: queryKeys.consultations, queryFn: api.consultations });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: queryKeys.consultation(id), queryFn: () => api.consultation(id) });
}

/**
 * Titles, status, lock and "last edit" change while the page is open: the server announces each
 * change on Socket.io and the list is refetched then (the page calls useConsultationLiveUpdates).
 */
export function useCommitments(consultationId: string) {
  return useQuery({
    queryKey: queryKeys.commitments(consultationId),
    queryFn: () => api.commitments(consultationId),
  });
}
