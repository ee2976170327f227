import type { Request, RequestHandler } from 'express';
import type { User } from '@atelier/domain';
import type { SessionService } from '../../workspace/auth/sessionService';
import { readCookie } from '../../workspace/sessionCookie';

const signedInUsers = new WeakMap<Request, User>();

/** Resolves the session cookie once per request; routes read the result with {@link userOf}. */
export function sessionResolver(sessions: SessionService, cookieName: string): RequestHandler {
  return async (request, _response, next) => {
    try {
      const token = readCookie(request, cookieName);
      const session = token ? await sessions.resolve(token) : null;
      if (session) signedInUsers.set(request, session.user);
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function userOf(request: Request): User | null {
  return signedInUsers.get(request) ?? null;
}
