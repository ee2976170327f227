import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { queryKeys } from '../../app/queryClient';

/** Refetches the commitment's threads after a change (live updates do it for other people). */
export function useInvalidateThreads(commitmentId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.threads(commitmentId) }),
    [queryClient, commitmentId],
  );
}
