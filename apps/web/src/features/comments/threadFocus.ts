/** The URL fragment and element id of a thread in the panel: notifications link to it. */
export function threadElementId(threadId: string): string {
  return `thread-${threadId}`;
}

const THREAD_FRAGMENT = /^#thread-(.+)$/;

/** The thread a `#thread-<id>` fragment names, or null. */
export function threadIdFromHash(hash: string): string | null {
  const match = THREAD_FRAGMENT.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Moves the focus to a thread of the panel (its article), scrolling it into view. */
export function focusThread(threadId: string): boolean {
  const element = document.getElementById(threadElementId(threadId));
  if (element === null) return false;
  element.scrollIntoView({ block: 'nearest' });
  element.focus({ preventScroll: true });
  return true;
}
