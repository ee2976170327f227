import type { Response } from 'express';
import { z } from 'zod';
import { loginRequestSchema, meDtoSchema } from '@atelier/protocol';
import { signInWithPassword } from '../../workspace/commands/authCommands';
import { readCookie } from '../../workspace/sessionCookie';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { toMeDto } from '../dtoMappers';
import { defineRoute, type AnyRouteDefinition } from '../routeDefinition';
import { AppError } from '../../errors/appError';

export interface SessionCookieSettings {
  readonly name: string;
  readonly secure: boolean;
  readonly maxAgeMs: number;
}

export function setSessionCookie(
  response: Response,
  settings: SessionCookieSettings,
  token: string,
): void {
  response.cookie(settings.name, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
    maxAge: settings.maxAgeMs,
  });
}

export function authRoutes(
  context: WorkspaceContext,
  cookie: SessionCookieSettings,
): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary:
        'Sign in with email and password; sets the session cookie (a new session id each time).',
      body: loginRequestSchema,
      response: meDtoSchema,
      errors: [400, 401, 403, 429],
      handler: async ({ body, request, response }) => {
        const signedIn = await signInWithPassword(context, {
          email: body.email,
          password: body.password,
          remoteAddress: request.ip ?? 'unknown',
        });
        // Whatever session the browser had before is dropped: no session fixation.
        const previous = readCookie(request, cookie.name);
        if (previous) await context.sessions.end(previous);
        setSessionCookie(response, cookie, signedIn.sessionToken);
        return toMeDto(context, signedIn.user);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      summary: 'Ends the current session.',
      response: null,
      errors: [],
      handler: async ({ request, response }) => {
        const token = readCookie(request, cookie.name);
        if (token) await context.sessions.end(token);
        response.clearCookie(cookie.name, {
          httpOnly: true,
          sameSite: 'lax',
          secure: cookie.secure,
          path: '/',
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'auth',
      summary: 'The signed-in person, their organisation and memberships.',
      query: z.strictObject({}),
      response: meDtoSchema,
      errors: [401],
      handler: async ({ user }) => {
        if (!user) throw AppError.unauthorized();
        return toMeDto(context, user);
      },
    }),
  ];
}
