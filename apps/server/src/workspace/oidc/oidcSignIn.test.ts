import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeDto } from '@atelier/protocol';
import { createHttpApp } from '../../http/createHttpApp';
import { oidcBindingCookieName, oidcRoutes } from '../../http/routes/oidcRoutes';
import { createCollabMetrics } from '../../metrics/collabMetrics';
import { TEST_ORIGIN } from '../../testing/startTestServer';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { aUser } from '../../testing/workspaceFixtures';
import { sessionCookieName } from '../sessionCookie';
import {
  DEFAULT_OIDC_SCOPES,
  oidcRedirectUri,
  type OidcProviderConfig,
  type OidcProviderId,
} from './oidcProviderConfig';
import { newBrowserBinding, OidcSignIn, OidcSignInError, safeReturnPath } from './oidcSignIn';
import { startOidcTestProvider, type RunningTestProvider } from '../../testing/oidcTestProvider';

/**
 * Real OpenID providers (oidc-provider) and our real routes and store. The routes are mounted on
 * an app of their own next to the workspace server until the composition root registers them;
 * both share one WorkspaceContext, so the session cookie is checked on the real `/api/me`.
 *
 * Browsers reach us as TEST_ORIGIN (the public origin the callbacks are registered with); the
 * test's Browser maps that origin to the OIDC app, as the reverse proxy does in production.
 */
const SESSION_COOKIE = sessionCookieName(false);
const FRANCECONNECT_CLIENT = {
  clientId: 'atelier-franceconnect',
  clientSecret: randomBytes(24).toString('base64url'),
};
const PROCONNECT_CLIENT = {
  clientId: 'atelier-proconnect',
  clientSecret: randomBytes(24).toString('base64url'),
};

let workspace: RunningWorkspaceServer;
let franceConnect: RunningTestProvider;
let proConnect: RunningTestProvider;
let franceConnectConfig: OidcProviderConfig;
let oidcServer: Server;
let oidcBaseUrl: string;

beforeAll(async () => {
  workspace = await startWorkspaceServer();
  franceConnect = await startOidcTestProvider({
    ...FRANCECONNECT_CLIENT,
    redirectUri: oidcRedirectUri(TEST_ORIGIN, 'franceconnect'),
    signingAlg: 'ES256',
  });
  proConnect = await startOidcTestProvider({
    ...PROCONNECT_CLIENT,
    redirectUri: oidcRedirectUri(TEST_ORIGIN, 'proconnect'),
    signingAlg: 'RS256',
  });
  franceConnectConfig = {
    ...FRANCECONNECT_CLIENT,
    issuer: franceConnect.issuer,
    id: 'franceconnect',
    scopes: DEFAULT_OIDC_SCOPES.franceconnect,
    signingAlg: 'ES256',
    signedUserinfo: true,
    // Stricter than the production default, so that an absent claim can be tested.
    emailVerifiedWhenAbsent: false,
  };
  const providers: OidcProviderConfig[] = [
    franceConnectConfig,
    {
      ...PROCONNECT_CLIENT,
      issuer: proConnect.issuer,
      id: 'proconnect',
      scopes: DEFAULT_OIDC_SCOPES.proconnect,
      signingAlg: 'RS256',
      signedUserinfo: true,
      // ProConnect never sends email_verified; its federation vouches for professional emails.
      emailVerifiedWhenAbsent: true,
    },
  ];
  const cookie = { name: SESSION_COOKIE, secure: false, maxAgeMs: 12 * 3_600_000 };
  const app = createHttpApp({
    metrics: createCollabMetrics(),
    logger: workspace.context.logger,
    isReady: () => true,
    publicOrigin: TEST_ORIGIN,
    api: {
      routes: oidcRoutes(workspace.context, providers, cookie),
      sessions: workspace.context.sessions,
      cookieName: SESSION_COOKIE,
      requestsPerMinute: 10_000,
    },
  });
  oidcServer = createServer(app);
  await new Promise<void>((resolve) => oidcServer.listen(0, '127.0.0.1', resolve));
  oidcBaseUrl = `http://127.0.0.1:${(oidcServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  oidcServer?.closeAllConnections();
  await new Promise<void>((resolve) =>
    oidcServer ? oidcServer.close(() => resolve()) : resolve(),
  );
  await franceConnect?.stop();
  await proConnect?.stop();
  await workspace?.stop();
});

/** A browser: one cookie jar per host, redirects followed by hand, TEST_ORIGIN mapped to our app. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async get(url: string): Promise<{ status: number; location: string | null; body: string }> {
    const logical = new URL(url);
    const target =
      logical.origin === TEST_ORIGIN
        ? new URL(`${oidcBaseUrl}${logical.pathname}${logical.search}`)
        : logical;
    const cookies = this.jar.get(logical.host);
    const headers: Record<string, string> = {};
    if (cookies && cookies.size > 0)
      headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, { redirect: 'manual', headers });
    for (const line of response.headers.getSetCookie()) this.store(logical.host, line);
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, logical).href : null,
      body: await response.text(),
    };
  }

  cookie(origin: string, name: string): string | null {
    return this.jar.get(new URL(origin).host)?.get(name) ?? null;
  }

  private store(host: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    const expired = attributes.some((attribute) => {
      const [key = '', attributeValue = ''] = attribute.split('=');
      const lower = key.trim().toLowerCase();
      return (
        (lower === 'max-age' && Number(attributeValue) <= 0) ||
        (lower === 'expires' && Date.parse(attributeValue) <= Date.now())
      );
    });
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
}

interface AuthorizeOptions {
  readonly returnTo?: string;
  /** Change the authorization request on its way to the provider. */
  readonly tamper?: (authorizationUrl: URL) => void;
  readonly deny?: boolean;
}

/** Clicks the button and signs in at the provider; returns the callback URL, not yet visited. */
async function authorizeAt(
  browser: Browser,
  providerId: OidcProviderId,
  sub: string,
  options: AuthorizeOptions = {},
): Promise<string> {
  const query =
    options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const start = await browser.get(`${TEST_ORIGIN}/api/auth/oidc/${providerId}/start${query}`);
  expect(start.status).toBe(302);
  return followToCallback(browser, start.location!, providerId, sub, options);
}

/** From the provider's authorization URL to our callback, signing in as `sub` on the way. */
async function followToCallback(
  browser: Browser,
  authorizationUrl: string,
  providerId: OidcProviderId,
  sub: string,
  options: AuthorizeOptions = {},
): Promise<string> {
  let next = new URL(authorizationUrl);
  options.tamper?.(next);
  for (let hop = 0; hop < 10; hop += 1) {
    if (next.origin === TEST_ORIGIN && next.pathname === `/api/auth/oidc/${providerId}/callback`)
      return next.href;
    if (next.pathname.startsWith('/interaction/')) {
      if (options.deny) next.searchParams.set('deny', '1');
      else next.searchParams.set('as', sub);
    }
    const response = await browser.get(next.href);
    if (!response.location)
      throw new Error(
        `the provider stopped at ${next.pathname}: ${response.status} ${response.body.slice(0, 300)}`,
      );
    next = new URL(response.location);
  }
  throw new Error('too many redirects');
}

/** The whole sign-in; returns where the browser lands. */
async function signIn(
  browser: Browser,
  providerId: OidcProviderId,
  sub: string,
  options: AuthorizeOptions = {},
): Promise<string> {
  const callback = await authorizeAt(browser, providerId, sub, options);
  const landing = await browser.get(callback);
  expect(landing.status).toBe(302);
  return landing.location!;
}

async function me(browser: Browser): Promise<{ status: number; body: MeDto | null }> {
  const token = browser.cookie(TEST_ORIGIN, SESSION_COOKIE);
  const response = await fetch(`${workspace.baseUrl}/api/me`, {
    headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {},
  });
  return {
    status: response.status,
    body: response.status === 200 ? ((await response.json()) as MeDto) : null,
  };
}

const errorPage = (code: string) => `${TEST_ORIGIN}/connexion?erreur=${code}`;
let accountSequence = 0;
function uniqueEmail(label: string): string {
  accountSequence += 1;
  return `${label}.${accountSequence}.${randomBytes(3).toString('hex')}@example.fr`;
}

describe('GET /api/auth/providers', () => {
  it('lists the configured providers for the sign-in buttons', async () => {
    const response = await fetch(`${oidcBaseUrl}/api/auth/providers`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      providers: [
        { id: 'proconnect', startUrl: '/api/auth/oidc/proconnect/start' },
        { id: 'franceconnect', startUrl: '/api/auth/oidc/franceconnect/start' },
      ],
    });
  });
});

describe('sign-in with OpenID Connect', () => {
  it('creates the account of a new citizen signing in through FranceConnect, and the session works', async () => {
    const email = uniqueEmail('camille.martin');
    franceConnect.accounts.set('citizen-new', {
      sub: 'citizen-new',
      email,
      email_verified: true,
      given_name: 'Camille  Louise',
      family_name: 'Martin',
    });
    const browser = new Browser();
    const returnTo = '/consultations/plan-2024?onglet=engagements#e3';

    const start = await browser.get(
      `${TEST_ORIGIN}/api/auth/oidc/franceconnect/start?returnTo=${encodeURIComponent(returnTo)}`,
    );
    const authorization = new URL(start.location!);
    expect(authorization.origin).toBe(franceConnect.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('scope')).toBe('openid email given_name family_name');
    expect(authorization.searchParams.get('redirect_uri')).toBe(
      `${TEST_ORIGIN}/api/auth/oidc/franceconnect/callback`,
    );
    expect(browser.cookie(TEST_ORIGIN, oidcBindingCookieName(false))).toMatch(/^[\w-]{43}$/);

    expect(await signIn(browser, 'franceconnect', 'citizen-new', { returnTo })).toBe(
      `${TEST_ORIGIN}${returnTo}`,
    );
    const session = await me(browser);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      email,
      displayName: 'Camille Louise Martin',
      platformRole: null,
      memberships: [],
    });
    const linked = await workspace.context.store.users.findByExternalIdentity(
      franceConnect.issuer,
      'citizen-new',
    );
    expect(linked?.id).toBe(session.body!.id);
  });

  it('links an existing account with the same verified email, then uses the link even after the email changes', async () => {
    const email = uniqueEmail('agent');
    const existing = await aUser(workspace.context, { email, displayName: 'Agent existant' });
    // Case differs at the provider: emails are compared normalised. No email_verified: ProConnect semantics.
    proConnect.accounts.set('agent-7', {
      sub: 'agent-7',
      email: email.toUpperCase(),
      given_name: 'Jeanne',
      usual_name: 'Durand',
    });

    const first = new Browser();
    expect(await signIn(first, 'proconnect', 'agent-7')).toBe(`${TEST_ORIGIN}/`);
    const firstSession = await me(first);
    expect(firstSession.body?.id).toBe(existing.id);
    expect(firstSession.body?.displayName).toBe('Agent existant'); // an existing account keeps its name
    expect(
      (await workspace.context.store.users.findByExternalIdentity(proConnect.issuer, 'agent-7'))
        ?.id,
    ).toBe(existing.id);

    // Later the agent moved: the provider now sends another, even unverified, address.
    const newEmail = uniqueEmail('agent.moved');
    proConnect.accounts.set('agent-7', {
      sub: 'agent-7',
      email: newEmail,
      email_verified: false,
      given_name: 'Jeanne',
      usual_name: 'Durand',
    });
    const second = new Browser();
    expect(await signIn(second, 'proconnect', 'agent-7')).toBe(`${TEST_ORIGIN}/`);
    expect((await me(second)).body?.id).toBe(existing.id);
    expect(await workspace.context.store.users.findByEmail(newEmail)).toBeNull();
  });

  it('never matches on sub alone: the same sub at another issuer is another identity', async () => {
    const email = uniqueEmail('homonyme');
    franceConnect.accounts.set('agent-7', {
      sub: 'agent-7',
      email,
      email_verified: true,
      given_name: 'Paul',
      family_name: 'Autre',
    });
    const browser = new Browser();
    await signIn(browser, 'franceconnect', 'agent-7');
    const session = await me(browser);
    expect(session.body?.email).toBe(email);
    expect(session.body?.id).not.toBe(
      (await workspace.context.store.users.findByExternalIdentity(proConnect.issuer, 'agent-7'))
        ?.id,
    );
  });

  it('refuses an email the provider says is unverified, or does not vouch for', async () => {
    const unverified = uniqueEmail('pas.verifie');
    franceConnect.accounts.set('citizen-unverified', {
      sub: 'citizen-unverified',
      email: unverified,
      email_verified: false,
      given_name: 'A',
      family_name: 'B',
    });
    const browser = new Browser();
    expect(await signIn(browser, 'franceconnect', 'citizen-unverified')).toBe(
      errorPage('oidc_email_unverified'),
    );
    expect((await me(browser)).status).toBe(401);
    expect(await workspace.context.store.users.findByEmail(unverified)).toBeNull();

    // This provider is configured not to trust an email without the claim.
    const silent = uniqueEmail('sans.claim');
    franceConnect.accounts.set('citizen-silent', {
      sub: 'citizen-silent',
      email: silent,
      given_name: 'C',
      family_name: 'D',
    });
    expect(await signIn(new Browser(), 'franceconnect', 'citizen-silent')).toBe(
      errorPage('oidc_email_unverified'),
    );
    expect(await workspace.context.store.users.findByEmail(silent)).toBeNull();
  });

  it('refuses an identity without an email', async () => {
    franceConnect.accounts.set('citizen-no-email', {
      sub: 'citizen-no-email',
      given_name: 'E',
      family_name: 'F',
    });
    expect(await signIn(new Browser(), 'franceconnect', 'citizen-no-email')).toBe(
      errorPage('oidc_email_missing'),
    );
  });

  it('does not link a verified email to a disabled account, and refuses a disabled linked account', async () => {
    const email = uniqueEmail('desactive');
    const disabled = await aUser(workspace.context, { email, disabled: true });
    franceConnect.accounts.set('citizen-disabled', {
      sub: 'citizen-disabled',
      email,
      email_verified: true,
      given_name: 'G',
      family_name: 'H',
    });
    const browser = new Browser();
    expect(await signIn(browser, 'franceconnect', 'citizen-disabled')).toBe(
      errorPage('account_disabled'),
    );
    expect(
      await workspace.context.store.users.findByExternalIdentity(
        franceConnect.issuer,
        'citizen-disabled',
      ),
    ).toBeNull();
    expect((await me(browser)).status).toBe(401);

    // Linked while enabled, disabled afterwards.
    await workspace.context.store.users.update(disabled.id, { disabled: false });
    expect(await signIn(new Browser(), 'franceconnect', 'citizen-disabled')).toBe(
      `${TEST_ORIGIN}/`,
    );
    await workspace.context.store.users.update(disabled.id, { disabled: true });
    const later = new Browser();
    expect(await signIn(later, 'franceconnect', 'citizen-disabled')).toBe(
      errorPage('account_disabled'),
    );
    expect(later.cookie(TEST_ORIGIN, SESSION_COOKIE)).toBeNull();
  });

  describe('with a citizen whose email is verified', () => {
    beforeAll(() => {
      franceConnect.accounts.set('citizen-ok', {
        sub: 'citizen-ok',
        email: uniqueEmail('citoyen'),
        email_verified: true,
        given_name: 'Inès',
        family_name: 'Roux',
      });
    });

    it('refuses a tampered state', async () => {
      const browser = new Browser();
      const callback = new URL(await authorizeAt(browser, 'franceconnect', 'citizen-ok'));
      callback.searchParams.set('state', `${callback.searchParams.get('state')!.slice(0, -2)}AA`);
      const landing = await browser.get(callback.href);
      expect(landing.location).toBe(errorPage('oidc_state_invalid'));
      expect(browser.cookie(TEST_ORIGIN, SESSION_COOKIE)).toBeNull();
    });

    it('refuses a replayed callback (the same state twice)', async () => {
      const browser = new Browser();
      const callback = await authorizeAt(browser, 'franceconnect', 'citizen-ok');
      expect((await browser.get(callback)).location).toBe(`${TEST_ORIGIN}/`);
      const token = browser.cookie(TEST_ORIGIN, SESSION_COOKIE);
      expect(token).not.toBeNull();

      expect((await browser.get(callback)).location).toBe(errorPage('oidc_state_invalid'));
      // The failed replay neither replaced nor ended the session.
      expect(browser.cookie(TEST_ORIGIN, SESSION_COOKIE)).toBe(token);
      expect((await me(browser)).status).toBe(200);
    });

    it('refuses a callback opened in another browser than the one that started (login CSRF)', async () => {
      const attacker = new Browser();
      const callback = await authorizeAt(attacker, 'franceconnect', 'citizen-ok');
      const victim = new Browser();
      expect((await victim.get(callback)).location).toBe(errorPage('oidc_state_invalid'));
      expect(victim.cookie(TEST_ORIGIN, SESSION_COOKIE)).toBeNull();
    });

    it('refuses an ID token whose nonce is not the one we sent', async () => {
      const browser = new Browser();
      const landing = await signIn(browser, 'franceconnect', 'citizen-ok', {
        tamper: (url) => url.searchParams.set('nonce', randomBytes(32).toString('base64url')),
      });
      expect(landing).toBe(errorPage('oidc_login_failed'));
      expect(browser.cookie(TEST_ORIGIN, SESSION_COOKIE)).toBeNull();
    });

    it('refuses a code obtained with another PKCE challenge', async () => {
      const landing = await signIn(new Browser(), 'franceconnect', 'citizen-ok', {
        tamper: (url) =>
          url.searchParams.set('code_challenge', randomBytes(32).toString('base64url')),
      });
      expect(landing).toBe(errorPage('oidc_login_failed'));
    });

    it('reports a sign-in declined at the provider', async () => {
      expect(await signIn(new Browser(), 'franceconnect', 'citizen-ok', { deny: true })).toBe(
        errorPage('oidc_cancelled'),
      );
    });

    it('only returns to paths on this site', async () => {
      for (const returnTo of [
        '//evil.example/x',
        'https://evil.example/',
        '/\\evil.example',
        'javascript:alert(1)',
      ]) {
        expect(await signIn(new Browser(), 'franceconnect', 'citizen-ok', { returnTo })).toBe(
          `${TEST_ORIGIN}/`,
        );
      }
    });

    it('replaces the session the browser had before', async () => {
      const browser = new Browser();
      await signIn(browser, 'franceconnect', 'citizen-ok');
      const before = browser.cookie(TEST_ORIGIN, SESSION_COOKIE)!;
      await signIn(browser, 'franceconnect', 'citizen-ok');
      expect(browser.cookie(TEST_ORIGIN, SESSION_COOKIE)).not.toBe(before);
      expect(await workspace.context.sessions.resolve(before)).toBeNull();
    });
  });

  it('sends an unknown provider back to the sign-in page', async () => {
    const browser = new Browser();
    expect((await browser.get(`${TEST_ORIGIN}/api/auth/oidc/google/start`)).location).toBe(
      errorPage('oidc_provider_unknown'),
    );
    expect(
      (await browser.get(`${TEST_ORIGIN}/api/auth/oidc/google/callback?code=x&state=y`)).location,
    ).toBe(errorPage('oidc_provider_unknown'));
  });
});

describe('OidcSignIn without HTTP', () => {
  it('reports a provider that cannot be reached', async () => {
    const unreachable = createServer();
    await new Promise<void>((resolve) => unreachable.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(unreachable.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => unreachable.close(() => resolve()));
    const signInUseCase = new OidcSignIn(workspace.context, [
      {
        id: 'proconnect',
        issuer,
        clientId: 'x',
        clientSecret: 'y',
        scopes: DEFAULT_OIDC_SCOPES.proconnect,
        signingAlg: 'RS256',
        signedUserinfo: true,
        emailVerifiedWhenAbsent: true,
      },
    ]);
    const attempt = signInUseCase.start('proconnect', {
      returnTo: '/',
      browserBinding: 'b'.repeat(43),
    });
    await expect(attempt).rejects.toBeInstanceOf(OidcSignInError);
    await expect(attempt).rejects.toMatchObject({ code: 'oidc_provider_unavailable' });
  });

  it('checks the ID token signature against the provider’s JWKS', async () => {
    const email = uniqueEmail('signature');
    franceConnect.accounts.set('citizen-signature', {
      sub: 'citizen-signature',
      email,
      email_verified: true,
      given_name: 'J',
      family_name: 'K',
    });
    // Each use case discovers (and caches the JWKS) on first use: a fresh one sees what is published now.
    const attemptWith = async (useCase: OidcSignIn) => {
      const browserBinding = newBrowserBinding();
      const { authorizationUrl } = await useCase.start('franceconnect', {
        returnTo: '/',
        browserBinding,
      });
      const callback = await followToCallback(
        new Browser(),
        authorizationUrl,
        'franceconnect',
        'citizen-signature',
      );
      return useCase.complete('franceconnect', {
        callbackParameters: new URL(callback).searchParams,
        browserBinding,
      });
    };

    franceConnect.publishForeignJwks(true);
    try {
      await expect(
        attemptWith(new OidcSignIn(workspace.context, [franceConnectConfig])),
      ).rejects.toMatchObject({
        code: 'oidc_login_failed',
      });
    } finally {
      franceConnect.publishForeignJwks(false);
    }
    expect(await workspace.context.store.users.findByEmail(email)).toBeNull();

    const signedIn = await attemptWith(new OidcSignIn(workspace.context, [franceConnectConfig]));
    expect(signedIn).toMatchObject({ outcome: 'created', returnTo: '/', user: { email } });
    expect(await workspace.context.sessions.resolve(signedIn.sessionToken)).not.toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeReturnPath('/consultations/plan?onglet=1#e2')).toBe(
      '/consultations/plan?onglet=1#e2',
    );
    expect(safeReturnPath('/a/../b')).toBe('/b');
  });

  it('turns anything a browser could read as another origin into /', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'evil',
      '',
      '/a\nb',
      '/\tx',
      42,
      undefined,
      ['/a'],
    ]) {
      expect(safeReturnPath(value)).toBe('/');
    }
    expect(safeReturnPath(`/${'a'.repeat(2000)}`)).toBe('/');
  });
});
