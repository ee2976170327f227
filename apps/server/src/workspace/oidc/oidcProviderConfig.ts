/**
 * The OpenID Connect providers a deployment may offer: ProConnect (civil servants and
 * professionals, operated by DINUM) and FranceConnect (citizens). Each one is configured by
 * environment variables parsed once in `config/env.ts`; an unconfigured provider simply has no
 * button.
 */
export const OIDC_PROVIDER_IDS = ['proconnect', 'franceconnect'] as const;
export type OidcProviderId = (typeof OIDC_PROVIDER_IDS)[number];

/** JWS algorithms we accept for ID tokens and signed userinfo: asymmetric only, checked against the provider's JWKS. */
export const OIDC_SIGNING_ALGS = ['RS256', 'ES256'] as const;
export type OidcSigningAlg = (typeof OIDC_SIGNING_ALGS)[number];

export interface OidcProviderConfig {
  readonly id: OidcProviderId;
  /** Issuer identifier; discovery reads `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Always includes `openid`. */
  readonly scopes: readonly string[];
  /** Sent as `acr_values` when set (e.g. `eidas1`); most registrations do not need it. */
  readonly acrValues?: string;
  /**
   * The algorithm registered with the provider for the ID token and the userinfo JWT. Both
   * providers let a service choose it at registration (ES256 or RS256); we refuse anything else.
   */
  readonly signingAlg: OidcSigningAlg;
  /**
   * ProConnect and FranceConnect answer userinfo with a signed JWT (`application/jwt`); when
   * true, a plain JSON answer is refused and the JWT's signature is checked.
   */
  readonly signedUserinfo: boolean;
  /**
   * Whether an `email` that comes without any `email_verified` claim counts as verified. Only
   * for federations whose contract vouches for the address: ProConnect recommends the
   * professional email for account reconciliation and never sends the claim; FranceConnect
   * passes the email its identity providers hold, which FranceConnect asks services not to
   * re-verify. An explicit `email_verified: false` is refused whatever this says.
   */
  readonly emailVerifiedWhenAbsent: boolean;
}

/** What each provider is asked for by default (their scope names are claim names). */
export const DEFAULT_OIDC_SCOPES: Record<OidcProviderId, readonly string[]> = {
  proconnect: ['openid', 'email', 'given_name', 'usual_name'],
  franceconnect: ['openid', 'email', 'given_name', 'family_name'],
};

/** Our callback, registered with the provider exactly as written here (no trailing slash). */
export function oidcRedirectUri(publicOrigin: string, providerId: OidcProviderId): string {
  return `${publicOrigin}/api/auth/oidc/${providerId}/callback`;
}

export function isOidcProviderId(value: string): value is OidcProviderId {
  return (OIDC_PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * True for `http://127.0.0.1…`, `http://[::1]…` and `http://localhost…`: the only issuers for
 * which plain HTTP is tolerated (a provider started by our tests or on a developer's machine).
 */
export function isLoopbackHttpIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:') return false;
  return (
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(url.hostname)
  );
}

/**
 * Checks one provider's settings; returns the problems as `VARIABLE: reason` lines in the style
 * of `parseServerConfig`, so a misconfigured deployment refuses to start with a clear list.
 */
export function oidcProviderProblems(config: OidcProviderConfig, environment: string): string[] {
  const prefix = `OIDC_${config.id.toUpperCase()}`;
  const problems: string[] = [];
  let issuer: URL | null = null;
  try {
    issuer = new URL(config.issuer);
  } catch {
    problems.push(`${prefix}_ISSUER: not a URL`);
  }
  if (issuer && issuer.protocol !== 'https:' && !isLoopbackHttpIssuer(config.issuer)) {
    problems.push(
      `${prefix}_ISSUER: must be https (plain http is only accepted on a loopback address)`,
    );
  }
  if (issuer && environment === 'production' && isLoopbackHttpIssuer(config.issuer)) {
    problems.push(
      `${prefix}_ISSUER: a loopback http issuer is for tests and development, not production`,
    );
  }
  if (!config.scopes.includes('openid')) problems.push(`${prefix}_SCOPES: must include openid`);
  if (!config.scopes.includes('email'))
    problems.push(`${prefix}_SCOPES: must include email (accounts are matched on it)`);
  return problems;
}
