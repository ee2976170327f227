import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { OidcSigningAlg } from '../workspace/oidc/oidcProviderConfig';

/**
 * Tests only: a real OpenID provider (oidc-provider) on 127.0.0.1 and port 0, with one static
 * confidential client that must use PKCE, signed userinfo like ProConnect and FranceConnect, and
 * accounts the test can change between sign-ins. Interactions are finished programmatically:
 * `GET /interaction/<uid>?as=<sub>` logs `<sub>` in, `?deny=1` declines.
 */
export interface TestAccount {
  readonly sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  usual_name?: string;
}

export interface RunningTestProvider {
  readonly issuer: string;
  /** Change an entry and the next sign-in sees it. */
  readonly accounts: Map<string, TestAccount>;
  /**
   * Publish an unrelated key at the JWKS endpoint while tokens stay signed with the real one,
   * as an impostor would; `false` restores the real key set.
   */
  publishForeignJwks(foreign: boolean): void;
  stop(): Promise<void>;
}

export async function startOidcTestProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  signingAlg: OidcSigningAlg;
  accounts?: readonly TestAccount[];
}): Promise<RunningTestProvider> {
  const accounts = new Map((options.accounts ?? []).map((account) => [account.sub, account]));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: options.signingAlg,
        userinfo_signed_response_alg: options.signingAlg,
      },
    ],
    jwks: { keys: [signingKey(options.signingAlg)] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true } },
    // Scope names that are claim names, as ProConnect and FranceConnect do.
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      family_name: ['family_name'],
      usual_name: ['usual_name'],
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => withoutUndefined({ ...account }) };
    },
    // First-party style: whatever the client asks for is granted, so no consent prompt.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope(ctx.oidc.requestParamScopes);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 60,
      AuthorizationCode: 60,
      IdToken: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
  });
  const handleProvider = provider.callback();
  let foreignJwks: string | null = null;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/jwks' && foreignJwks) {
      response.setHeader('content-type', 'application/jwk-set+json');
      return void response.end(foreignJwks);
    }
    if (!url.pathname.startsWith('/interaction/')) return void handleProvider(request, response);
    void (async () => {
      try {
        await provider.interactionDetails(request, response);
        const result = url.searchParams.get('deny')
          ? { error: 'access_denied', error_description: 'The person declined.' }
          : { login: { accountId: url.searchParams.get('as') ?? '' } };
        await provider.interactionFinished(request, response, result, {
          mergeWithLastSubmission: false,
        });
      } catch (error) {
        response.statusCode = 400;
        response.end(String(error));
      }
    })();
  });

  return {
    issuer,
    accounts,
    publishForeignJwks: (foreign) => {
      if (!foreign) foreignJwks = null;
      else {
        const { kty, crv, x, y, n, e, kid, alg, use } = signingKey(options.signingAlg);
        foreignJwks = JSON.stringify({ keys: [{ kty, crv, x, y, n, e, kid, alg, use }] });
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function signingKey(alg: OidcSigningAlg) {
  const { privateKey } =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: `test-${alg.toLowerCase()}`,
    alg,
    use: 'sig',
  };
}

function withoutUndefined(account: TestAccount): { sub: string; [claim: string]: unknown } {
  return Object.fromEntries(Object.entries(account).filter(([, value]) => value !== undefined)) as {
    sub: string;
  };
}
