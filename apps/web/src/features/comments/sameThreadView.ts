import type { CommentThreadDto } from '@atelier/protocol';

/**
 * Whether a thread would show the same. Every edit of the draft moves the server's count of
 * where passages are (`anchorStatus` offsets), so a refetch brings a new object for every
 * thread; what the thread shows of its passage is its status and words. The rest keeps its
 * references when unchanged (TanStack Query's structural sharing).
 */
export function sameThreadView(
  previous: { thread: CommentThreadDto; active: boolean },
  next: { thread: CommentThreadDto; active: boolean },
): boolean {
  if (previous.active !== next.active) return false;
  const { anchorStatus: before, ...restBefore } = previous.thread;
  const { anchorStatus: after, ...restAfter } = next.thread;
  const keys = Object.keys(restBefore) as (keyof typeof restBefore)[];
  return (
    keys.length === Object.keys(restAfter).length &&
    keys.every((key) => restBefore[key] === restAfter[key]) &&
    passageWords(before) === passageWords(after)
  );
}

function passageWords(status: CommentThreadDto['anchorStatus']): string | null {
  if (status === null) return null;
  return status.status === 'attached' ? `attached:${status.text}` : `detached:${status.quote}`;
}
