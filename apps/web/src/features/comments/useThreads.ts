import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../../app/queryClient';
import { commentsApi } from './commentsApi';

/**
 * A commitment's threads; the panel and the draft's highlights share this one query. Null: a
 * draft shown without comments (nothing is fetched).
 */
export function useThreads(commitmentId: string | null) {
  return useQuery({
    queryKey: queryKeys.threads(commitmentId ?? ''),
    queryFn: () => commentsApi.threads(commitmentId!),
    enabled: commitmentId !== null,
  });
}
