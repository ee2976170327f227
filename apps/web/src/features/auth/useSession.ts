import type { ConsultationRole } from '@atelier/domain';
import type { MeDto } from '@atelier/protocol';
import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { isApiError } from '../../lib/apiError';

/** The signed-in person, or null when reading signed out. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<MeDto | null> => {
      try {
        return await api.me();
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function roleIn(
  me: MeDto | null | undefined,
  consultationId: string,
): ConsultationRole | null {
  return (
    me?.memberships.find((membership) => membership.consultationId === consultationId)?.role ?? null
  );
}
