import { QueryClient } from '@tanstack/react-query';

import { isApiError } from '../lib/apiError';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (401, 403, 404) will not change by asking again; a network blip may.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status < 500 && error.status > 0),
    },
  },
});

export const queryKeys = {
  me: ['me'] as const,
  authProviders: ['auth-providers'] as const,
  consultations: ['consultations'] as const,
  consultation: (id: string) => ['consultations', id] as const,
  commitments: (consultationId: string) =>
    ['consultations', consultationId, 'commitments'] as const,
  commitment: (id: string) => ['commitments', id] as const,
  threads: (commitmentId: string) => ['commitments', commitmentId, 'threads'] as const,
  members: (consultationId: string) => ['consultations', consultationId, 'members'] as const,
  audit: (consultationId: string) => ['consultations', consultationId, 'audit'] as const,
};
