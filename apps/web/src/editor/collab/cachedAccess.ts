import type { ClientAccessState } from './accessState';
import { parseAccessStatePayload } from './accessState';

const PREFIX = 'atelier.access.';

/**
 * The last access the server granted on a draft, remembered so that after a reload while
 * offline a writer can keep writing (the server checks again when the connection returns).
 */
export function readCachedAccess(docName: string): ClientAccessState | null {
  try {
    const stored = window.localStorage.getItem(PREFIX + docName);
    return stored === null ? null : parseAccessStatePayload(stored);
  } catch {
    return null;
  }
}

export function writeCachedAccess(docName: string, state: ClientAccessState): void {
  if (state.access === 'pending') return;
  try {
    window.localStorage.setItem(
      PREFIX + docName,
      JSON.stringify({ access: state.access, readOnlyReason: state.readOnlyReason ?? undefined }),
    );
  } catch {
    // Not remembered: offline reloads will be read-only, nothing else changes.
  }
}
