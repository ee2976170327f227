import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { api, type AuthProviderDto } from '../../lib/api';

/** ProConnect / FranceConnect when the server has them configured; none otherwise. */
export function useAuthProviders() {
  return useQuery({
    queryKey: queryKeys.authProviders,
    queryFn: async (): Promise<AuthProviderDto[]> => {
      try {
        const providers = await api.authProviders();
        return Array.isArray(providers) ? providers : [];
      } catch {
        // Older servers have no such route: simply no provider buttons.
        return [];
      }
    },
    staleTime: Infinity,
  });
}
