import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

import { focusThread, threadIdFromHash } from './threadFocus';

/**
 * Opens the thread a `#thread-<id>` fragment names (notifications link there): once the threads
 * are shown, the thread gets the focus and becomes the active one. Each fragment is handled once,
 * so that refreshing the threads does not pull the focus back.
 */
export function useThreadFragment(
  threadIds: readonly string[] | undefined,
  onActivateThread: (threadId: string) => void,
): void {
  const { hash } = useLocation();
  const handled = useRef<string | null>(null);
  useEffect(() => {
    const threadId = threadIdFromHash(hash);
    if (threadId === null || threadIds === undefined || handled.current === hash) return;
    if (!threadIds.includes(threadId)) return;
    handled.current = hash;
    if (focusThread(threadId)) onActivateThread(threadId);
  }, [hash, threadIds, onActivateThread]);
}
