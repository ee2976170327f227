/**
 * A guest's socket token, kept for this tab only (sessionStorage): a reload reconnects as the
 * same guest, closing the tab forgets them, and another tab joins anew.
 */
const KEY_PREFIX = 'atelier.forum.guest.';

export function rememberGuestToken(sessionId: string, token: string): void {
  try {
    window.sessionStorage.setItem(KEY_PREFIX + sessionId, token);
  } catch {
    // Storage disabled: the guest stays connected until the tab reloads.
  }
}

export function guestTokenFor(sessionId: string): string | null {
  try {
    return window.sessionStorage.getItem(KEY_PREFIX + sessionId);
  } catch {
    return null;
  }
}

export function forgetGuestToken(sessionId: string): void {
  try {
    window.sessionStorage.removeItem(KEY_PREFIX + sessionId);
  } catch {
    // Nothing kept.
  }
}
