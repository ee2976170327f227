import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { displayNameSchema, emailSchema, type User } from '@atelier/domain';
import { UniqueConstraintError } from '@atelier/storage';
import { AppError } from '../../errors/appError';
import { hashToken } from '../auth/sessionService';
import type { WorkspaceContext } from '../workspaceContext';
import {
  isLoopbackHttpIssuer,
  isOidcProviderId,
  OIDC_PROVIDER_IDS,
  oidcRedirectUri,
  type OidcProviderConfig,
  type OidcProviderId,
} from './oidcProviderConfig';
import { PendingLogins } from './pendingLogins';

/**
 * Sign-in with OpenID Connect (ProConnect, FranceConnect): authorization code flow with PKCE
 * (S256), `state` and `nonce`. `start` remembers the pending login server-side and returns the
 * provider's URL; `complete` exchanges the code, checks the ID token (issuer, audience, signature
 * against the provider's JWKS, nonce, expiry), reads userinfo and finds the account:
 *
 * 1. an identity already linked (issuer + sub) signs in, whatever the email says today;
 * 2. otherwise the email must be present and verified; an account with that email gets the
 *    identity linked, or a new account is created. `sub` alone never designates an account.
 *
 * Disabled accounts are refused at every step. Errors are {@link OidcSignInError}s whose code the
 * web client shows on its sign-in page.
 */

export const OIDC_ERROR_CODES = [
  /** No such provider, or it is not configured here. */
  'oidc_provider_unknown',
  /** Discovery failed: the provider is down or unreachable. */
  'oidc_provider_unavailable',
  /** Unknown, expired or already used `state`, or a callback from another browser. */
  'oidc_state_invalid',
  /** The person declined at the provider (`error=access_denied`). */
  'oidc_cancelled',
  /** Any other `error` the provider sent back. */
  'oidc_provider_error',
  /** Code exchange, ID token or userinfo validation failed. */
  'oidc_login_failed',
  'oidc_email_missing',
  'oidc_email_unverified',
  'account_disabled',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export class OidcSignInError extends AppError {
  declare readonly code: OidcErrorCode;

  constructor(status: number, code: OidcErrorCode, message: string) {
    super(status, code, message);
    this.name = 'OidcSignInError';
  }
}

export interface OidcSignedIn {
  readonly user: User;
  readonly sessionToken: string;
  /** Where the person was going when they clicked the button (a same-site path). */
  readonly returnTo: string;
  /** How the account was found, for logs and tests. */
  readonly outcome: 'existing_link' | 'linked_by_email' | 'created';
}

/** Discovery and each request to the provider give up after this long (openid-client counts seconds). */
const PROVIDER_TIMEOUT_S = 10;
const BROWSER_BINDING_BYTES = 32;
const MAX_RETURN_PATH_LENGTH = 1024;

/** A fresh random value for the browser-binding cookie. */
export function newBrowserBinding(): string {
  return randomBytes(BROWSER_BINDING_BYTES).toString('base64url');
}

/** True for values {@link newBrowserBinding} could have produced; anything else gets replaced. */
export function isWellFormedBrowserBinding(value: string | null): value is string {
  return value !== null && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Keeps `returnTo` only when it is a path on our own site (`/consultations/x?y#z`); anything that
 * a browser could read as another origin (`//evil`, `/\evil`, `https:...`) becomes `/`.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RETURN_PATH_LENGTH)
    return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // Backslashes and control characters are read as slashes or dropped by some browsers.
  if (value.includes('\\') || hasControlCharacter(value)) return '/';
  const base = 'http://atelier.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export class OidcSignIn {
  private readonly providers: ReadonlyMap<OidcProviderId, OidcProviderConfig>;
  private readonly configurations = new Map<OidcProviderId, Promise<oidc.Configuration>>();

  constructor(
    private readonly context: WorkspaceContext,
    providers: readonly OidcProviderConfig[],
    private readonly pending: PendingLogins = new PendingLogins(),
  ) {
    this.providers = new Map(providers.map((provider) => [provider.id, provider]));
  }

  /** The configured providers, in a stable order (ProConnect first). */
  get providerIds(): OidcProviderId[] {
    return OIDC_PROVIDER_IDS.filter((id) => this.providers.has(id));
  }

  /** Builds the provider's authorization URL and remembers what the callback will need. */
  async start(
    providerId: string,
    input: { returnTo: unknown; browserBinding: string },
  ): Promise<{ authorizationUrl: string }> {
    const provider = this.provider(providerId);
    const configuration = await this.configurationFor(provider);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const parameters: Record<string, string> = {
      redirect_uri: oidcRedirectUri(this.context.publicOrigin, provider.id),
      scope: provider.scopes.join(' '),
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    };
    if (provider.acrValues) parameters.acr_values = provider.acrValues;
    this.pending.put(state, {
      providerId: provider.id,
      nonce,
      codeVerifier,
      browserBindingHash: hashToken(input.browserBinding),
      returnTo: safeReturnPath(input.returnTo),
      createdAtMs: this.context.now().getTime(),
    });
    return { authorizationUrl: oidc.buildAuthorizationUrl(configuration, parameters).href };
  }

  /**
   * Handles the provider's redirect back to us. `callbackParameters` is the query string as
   * received; `browserBinding` the cookie set by `start` in this browser (null when absent).
   */
  async complete(
    providerId: string,
    input: { callbackParameters: URLSearchParams; browserBinding: string | null },
  ): Promise<OidcSignedIn> {
    const provider = this.provider(providerId);
    const parameters = input.callbackParameters;
    const state = parameters.get('state');
    // Taken, not read: a second use of the same callback finds nothing.
    const login = state ? this.pending.take(state) : null;
    if (
      !login ||
      login.providerId !== provider.id ||
      !input.browserBinding ||
      hashToken(input.browserBinding) !== login.browserBindingHash
    ) {
      throw new OidcSignInError(
        400,
        'oidc_state_invalid',
        'This sign-in link has expired or was already used. Please sign in again.',
      );
    }
    const providerError = parameters.get('error');
    if (providerError !== null) {
      this.context.logger.info(
        {
          provider: provider.id,
          error: providerError.slice(0, 100),
          description: parameters.get('error_description')?.slice(0, 300),
        },
        'oidc provider returned an error',
      );
      throw providerError === 'access_denied'
        ? new OidcSignInError(
            401,
            'oidc_cancelled',
            'Sign-in was cancelled at the identity provider.',
          )
        : new OidcSignInError(
            502,
            'oidc_provider_error',
            'The identity provider could not sign you in.',
          );
    }

    const configuration = await this.configurationFor(provider);
    // openid-client sends the URL without its query as `redirect_uri`: it must be the registered
    // one, not whatever host name this request reached us by behind the proxy.
    const callbackUrl = new URL(oidcRedirectUri(this.context.publicOrigin, provider.id));
    for (const [name, value] of parameters) callbackUrl.searchParams.append(name, value);

    let idClaims: oidc.IDToken;
    let userInfo: oidc.UserInfoResponse;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state ?? undefined,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token in the token response');
      idClaims = claims;
      userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    } catch (error) {
      this.context.logger.warn(
        { err: error, provider: provider.id },
        'oidc sign-in failed at code exchange or validation',
      );
      throw new OidcSignInError(
        401,
        'oidc_login_failed',
        'The identity provider’s answer could not be verified.',
      );
    }

    const issuer = configuration.serverMetadata().issuer;
    const identity = readIdentity(provider, idClaims, userInfo);
    const { user, outcome } = await this.findOrCreateUser(provider, issuer, identity);
    const sessionToken = await this.context.sessions.start(user.id);
    this.context.logger.info({ provider: provider.id, userId: user.id, outcome }, 'oidc sign-in');
    return { user, sessionToken, returnTo: login.returnTo, outcome };
  }

  private provider(providerId: string): OidcProviderConfig {
    const provider = isOidcProviderId(providerId) ? this.providers.get(providerId) : undefined;
    if (!provider)
      throw new OidcSignInError(
        404,
        'oidc_provider_unknown',
        'This identity provider is not available here.',
      );
    return provider;
  }

  /** Discovered once per provider and kept; a failed discovery is retried on the next attempt. */
  private async configurationFor(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let configuration = this.configurations.get(provider.id);
    if (!configuration) {
      configuration = discover(provider);
      this.configurations.set(provider.id, configuration);
      const attempt = configuration;
      attempt.catch(() => {
        if (this.configurations.get(provider.id) === attempt)
          this.configurations.delete(provider.id);
      });
    }
    try {
      return await configuration;
    } catch (error) {
      this.context.logger.error({ err: error, provider: provider.id }, 'oidc discovery failed');
      throw new OidcSignInError(
        503,
        'oidc_provider_unavailable',
        'The identity provider cannot be reached right now.',
      );
    }
  }

  private async findOrCreateUser(
    provider: OidcProviderConfig,
    issuer: string,
    identity: ProviderIdentity,
  ): Promise<{ user: User; outcome: OidcSignedIn['outcome'] }> {
    const users = this.context.store.users;
    const linked = await users.findByExternalIdentity(issuer, identity.subject);
    if (linked) return { user: refuseDisabled(linked), outcome: 'existing_link' };

    if (!identity.email) {
      throw new OidcSignInError(
        403,
        'oidc_email_missing',
        'The identity provider did not share an email address.',
      );
    }
    if (!identity.emailVerified) {
      throw new OidcSignInError(
        403,
        'oidc_email_unverified',
        'The identity provider has not verified this email address.',
      );
    }
    const existing = await users.findByEmail(identity.email);
    if (existing) {
      refuseDisabled(existing);
      await this.link(existing, issuer, identity.subject);
      return { user: existing, outcome: 'linked_by_email' };
    }

    const now = this.context.now().toISOString();
    const created: User = {
      id: this.context.newId(),
      email: identity.email,
      displayName: identity.displayName,
      publicPseudonym: null,
      organisationId: null,
      platformRole: null,
      disabled: false,
      createdAt: now,
    };
    try {
      // No password: this account signs in through its provider until someone sets one.
      await users.create({ ...created, passwordHash: null });
    } catch (error) {
      // Two callbacks for the same new person at once: the other one created the account.
      if (!(error instanceof UniqueConstraintError && error.constraint === 'user_email'))
        throw error;
      const winner = await users.findByEmail(identity.email);
      if (!winner) throw error;
      refuseDisabled(winner);
      await this.link(winner, issuer, identity.subject);
      return { user: winner, outcome: 'linked_by_email' };
    }
    // Created then linked, not atomically: should linking fail, the next sign-in finds the
    // account by its (verified) email and links it then.
    await this.link(created, issuer, identity.subject);
    return { user: created, outcome: 'created' };
  }

  private async link(user: User, issuer: string, subject: string): Promise<void> {
    try {
      await this.context.store.users.linkExternalIdentity(user.id, issuer, subject);
    } catch (error) {
      // Only possible when a concurrent callback linked this subject first, to the same account.
      if (!(
        error instanceof UniqueConstraintError && error.constraint === 'user_external_identity'
      ))
        throw error;
      const owner = await this.context.store.users.findByExternalIdentity(issuer, subject);
      if (owner?.id !== user.id) throw error;
    }
  }
}

interface ProviderIdentity {
  readonly subject: string;
  /** Normalised; null when absent or not an address. */
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly displayName: string;
}

function readIdentity(
  provider: OidcProviderConfig,
  idClaims: oidc.IDToken,
  userInfo: oidc.UserInfoResponse,
): ProviderIdentity {
  // Both sources are verified; userinfo is the fuller and wins where they differ.
  const claims: Record<string, unknown> = { ...idClaims, ...userInfo };
  const parsedEmail = emailSchema.safeParse(claims.email);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const verifiedClaim = claims.email_verified;
  const emailVerified =
    verifiedClaim === undefined ? provider.emailVerifiedWhenAbsent : verifiedClaim === true;
  return { subject: idClaims.sub, email, emailVerified, displayName: displayNameOf(claims, email) };
}

/** "Given names + usage name" (ProConnect's `usual_name`), else the family name, else `name`. */
function displayNameOf(claims: Record<string, unknown>, email: string | null): string {
  const text = (value: unknown) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  const family = text(claims.usual_name) || text(claims.family_name);
  const candidates = [
    [text(claims.given_name), family].filter(Boolean).join(' '),
    text(claims.name),
    email?.split('@')[0] ?? '',
  ];
  for (const candidate of candidates) {
    const parsed = displayNameSchema.safeParse(candidate.slice(0, 120));
    if (parsed.success) return parsed.data;
  }
  return 'Participant';
}

function refuseDisabled(user: User): User {
  if (user.disabled)
    throw new OidcSignInError(403, 'account_disabled', 'This account is disabled.');
  return user;
}

function discover(provider: OidcProviderConfig): Promise<oidc.Configuration> {
  // Check the signatures of the ID token and of a JWT userinfo against the provider's JWKS.
  // openid-client skips this by default for answers received straight over TLS.
  const execute: Array<(configuration: oidc.Configuration) => void> = [
    oidc.enableNonRepudiationChecks,
  ];
  // openid-client refuses plain HTTP. Our test provider (or a developer's local one) runs on
  // http://127.0.0.1, so HTTP is allowed for loopback issuers only, never for a real one.
  if (isLoopbackHttpIssuer(provider.issuer)) execute.push(oidc.allowInsecureRequests);
  return oidc.discovery(
    new URL(provider.issuer),
    provider.clientId,
    {
      client_secret: provider.clientSecret,
      id_token_signed_response_alg: provider.signingAlg,
      ...(provider.signedUserinfo ? { userinfo_signed_response_alg: provider.signingAlg } : {}),
    },
    // Both federations document client_id and client_secret in the token request body.
    oidc.ClientSecretPost(provider.clientSecret),
    { execute, timeout: PROVIDER_TIMEOUT_S },
  );
}
