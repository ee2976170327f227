import type { Response } from 'express';

/**
 * The forum guest's cookie. Browsers cannot set headers on a WebSocket, so the collaboration
 * endpoint learns who a guest is from this cookie, set by `POST /api/forum/join`. It holds the
 * same token the guest's tab passes to the forum socket (only its hash is stored) and, like the
 * session cookie, carries the `__Host-` prefix outside development (Secure, Path=/, no Domain).
 */
export function forumGuestCookieName(secure: boolean): string {
  return secure ? '__Host-atelier_forum_guest' : 'atelier_forum_guest';
}

/**
 * A forum day at most: the server honours the cookie only while its session runs, so keeping
 * it longer would only leave a dead token in the browser.
 */
export const FORUM_GUEST_COOKIE_MAX_AGE_MS = 12 * 60 * 60_000;

export interface ForumGuestCookieSettings {
  readonly name: string;
  readonly secure: boolean;
}

export function setForumGuestCookie(
  response: Response,
  settings: ForumGuestCookieSettings,
  guestToken: string,
): void {
  response.cookie(settings.name, guestToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
    maxAge: FORUM_GUEST_COOKIE_MAX_AGE_MS,
  });
}
