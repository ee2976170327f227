import type { IncomingMessage } from 'node:http';

/**
 * The session cookie. Outside development it carries the `__Host-` prefix, which browsers only
 * accept with Secure, Path=/ and no Domain: it cannot be set or shadowed by a sibling subdomain.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-atelier_session' : 'atelier_session';
}

/** Reads one cookie from a raw request (the WebSocket upgrade has no Express parsing). */
export function readCookie(request: Pick<IncomingMessage, 'headers'>, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
