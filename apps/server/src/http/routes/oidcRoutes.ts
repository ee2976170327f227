import type { Response } from 'express';
import { z } from 'zod';
import {
  OIDC_PROVIDER_IDS,
  type OidcProviderConfig,
} from '../../workspace/oidc/oidcProviderConfig';
import {
  isWellFormedBrowserBinding,
  newBrowserBinding,
  OidcSignIn,
  OidcSignInError,
  type OidcErrorCode,
} from '../../workspace/oidc/oidcSignIn';
import { PENDING_LOGIN_TTL_MS } from '../../workspace/oidc/pendingLogins';
import { readCookie } from '../../workspace/sessionCookie';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, type AnyRouteDefinition } from '../routeDefinition';
import { setSessionCookie, type SessionCookieSettings } from './authRoutes';

/**
 * Sign-in with ProConnect and FranceConnect.
 *
 * `start` and `callback` are browser navigations, not API calls: they always answer with a 302,
 * never with JSON. Success lands on the path the person came from (`returnTo`); every failure
 * lands on the web client's sign-in page as `/connexion?erreur=<code>`, the code being one of
 * {@link OIDC_ERROR_CODES}. Only `/auth/providers` is a JSON endpoint.
 */
export const OIDC_ERROR_PAGE = '/connexion';

/**
 * Ties a pending login to the browser that started it, so a callback URL obtained by someone
 * else (login CSRF: "sign in as me") is refused. One value per browser, reused across tabs.
 */
export function oidcBindingCookieName(secure: boolean): string {
  return secure ? '__Host-atelier_oidc' : 'atelier_oidc';
}

export const oidcProvidersResponseSchema = z.object({
  providers: z.array(z.object({ id: z.enum(OIDC_PROVIDER_IDS), startUrl: z.string() })),
});

const providerParamsSchema = z.object({ provider: z.string() });
// Documentary only: the handlers read the raw query, and a malformed value must still redirect.
const optionalText = z.string().optional().catch(undefined);
const startQuerySchema = z.object({ returnTo: optionalText });
const callbackQuerySchema = z.looseObject({
  code: optionalText,
  state: optionalText,
  iss: optionalText,
  error: optionalText,
  error_description: optionalText,
});

export function oidcRoutes(
  context: WorkspaceContext,
  providers: readonly OidcProviderConfig[],
  cookie: SessionCookieSettings,
  signIn: OidcSignIn = new OidcSignIn(context, providers),
): AnyRouteDefinition[] {
  const bindingCookie = oidcBindingCookieName(cookie.secure);

  const redirectToErrorPage = (response: Response, error: unknown, providerId: string) => {
    let code: OidcErrorCode = 'oidc_login_failed';
    if (error instanceof OidcSignInError) code = error.code;
    else
      context.logger.error(
        { err: error, provider: providerId },
        'oidc sign-in failed unexpectedly',
      );
    redirect(response, `${OIDC_ERROR_PAGE}?erreur=${encodeURIComponent(code)}`);
  };

  return [
    defineRoute({
      method: 'get',
      path: '/auth/providers',
      tag: 'auth',
      summary:
        'Identity providers configured here (ProConnect, FranceConnect), for the sign-in buttons.',
      query: z.strictObject({}),
      response: oidcProvidersResponseSchema,
      errors: [],
      handler: async () => ({
        providers: signIn.providerIds.map((id) => ({ id, startUrl: `/api/auth/oidc/${id}/start` })),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/auth/oidc/{provider}/start',
      tag: 'auth',
      summary:
        'Browser navigation: redirects (302) to the identity provider. `returnTo` is a path on this site ' +
        '(anything else becomes `/`). Failures redirect to `/connexion?erreur=<code>`.',
      params: providerParamsSchema,
      query: startQuerySchema,
      response: null,
      successStatus: 302,
      errors: [],
      handler: async ({ params, query, request, response }) => {
        try {
          const existing = readCookie(request, bindingCookie);
          const binding = isWellFormedBrowserBinding(existing) ? existing : newBrowserBinding();
          const { authorizationUrl } = await signIn.start(params.provider, {
            returnTo: query.returnTo,
            browserBinding: binding,
          });
          response.cookie(bindingCookie, binding, {
            httpOnly: true,
            // Lax: the cookie must come back on the provider's top-level redirect to our callback.
            sameSite: 'lax',
            secure: cookie.secure,
            path: '/',
            maxAge: PENDING_LOGIN_TTL_MS,
          });
          redirect(response, authorizationUrl);
        } catch (error) {
          redirectToErrorPage(response, error, params.provider);
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/oidc/{provider}/callback',
      tag: 'auth',
      summary:
        'Browser navigation: the identity provider sends the person back here. Signs in (new session ' +
        'cookie) and redirects (302) to `returnTo`, or to `/connexion?erreur=<code>`.',
      params: providerParamsSchema,
      query: callbackQuerySchema,
      response: null,
      successStatus: 302,
      errors: [],
      handler: async ({ params, request, response }) => {
        try {
          const callbackParameters = new URL(request.originalUrl, 'http://callback.invalid')
            .searchParams;
          const signedIn = await signIn.complete(params.provider, {
            callbackParameters,
            browserBinding: readCookie(request, bindingCookie),
          });
          // Whatever session the browser had before is dropped: no session fixation.
          const previous = readCookie(request, cookie.name);
          if (previous) await context.sessions.end(previous);
          setSessionCookie(response, cookie, signedIn.sessionToken);
          redirect(response, signedIn.returnTo);
        } catch (error) {
          redirectToErrorPage(response, error, params.provider);
        }
      },
    }),
  ];
}

function redirect(response: Response, location: string): void {
  // These answers carry one-time values (state, a fresh session): never from a cache.
  response.set('Cache-Control', 'no-store');
  response.redirect(302, location);
}
