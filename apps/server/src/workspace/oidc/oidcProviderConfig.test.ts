import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OIDC_SCOPES,
  isLoopbackHttpIssuer,
  oidcProviderProblems,
  oidcRedirectUri,
  type OidcProviderConfig,
} from './oidcProviderConfig';

const proConnect: OidcProviderConfig = {
  id: 'proconnect',
  issuer: 'https://proconnect.gouv.fr/api/v2',
  clientId: 'id',
  clientSecret: 'secret',
  scopes: DEFAULT_OIDC_SCOPES.proconnect,
  signingAlg: 'RS256',
  signedUserinfo: true,
  emailVerifiedWhenAbsent: true,
};

describe('OIDC provider configuration', () => {
  it('builds the callback registered with the provider', () => {
    expect(oidcRedirectUri('https://atelier.example.fr', 'franceconnect')).toBe(
      'https://atelier.example.fr/api/auth/oidc/franceconnect/callback',
    );
  });

  it('tolerates plain http for loopback issuers only', () => {
    expect(isLoopbackHttpIssuer('http://127.0.0.1:4000')).toBe(true);
    expect(isLoopbackHttpIssuer('http://localhost:4000/realm')).toBe(true);
    expect(isLoopbackHttpIssuer('http://[::1]:4000')).toBe(true);
    expect(isLoopbackHttpIssuer('https://127.0.0.1')).toBe(false);
    expect(isLoopbackHttpIssuer('http://127.0.0.1.evil.example')).toBe(false);
    expect(isLoopbackHttpIssuer('http://proconnect.gouv.fr')).toBe(false);
    expect(isLoopbackHttpIssuer('not a url')).toBe(false);
  });

  it('lists what is wrong, variable by variable', () => {
    expect(oidcProviderProblems(proConnect, 'production')).toEqual([]);
    expect(
      oidcProviderProblems(
        { ...proConnect, issuer: 'http://proconnect.gouv.fr', scopes: ['email'] },
        'production',
      ),
    ).toEqual([
      'OIDC_PROCONNECT_ISSUER: must be https (plain http is only accepted on a loopback address)',
      'OIDC_PROCONNECT_SCOPES: must include openid',
    ]);
    expect(
      oidcProviderProblems({ ...proConnect, issuer: 'http://127.0.0.1:4000' }, 'production'),
    ).toHaveLength(1);
    expect(
      oidcProviderProblems({ ...proConnect, issuer: 'http://127.0.0.1:4000' }, 'development'),
    ).toEqual([]);
  });
});
