import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_OIDC_SCOPES,
  OIDC_SIGNING_ALGS,
  oidcProviderProblems,
  type OidcProviderConfig,
  type OidcProviderId,
  type OidcSigningAlg,
} from '../workspace/oidc/oidcProviderConfig';

/**
 * Every environment variable the server reads, parsed once at start. Nothing else in the
 * server touches `process.env`. The README's configuration table mirrors this schema.
 */
const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().nonnegative();

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_ORIGIN: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  MONGODB_URI: z.string().startsWith('mongodb').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  COLLAB_OPEN_ACCESS: booleanFromString.default(false),
  COLLAB_MAX_MESSAGE_BYTES: positiveInt.default(2 * 1024 * 1024),
  COLLAB_MAX_BUFFERED_BYTES: positiveInt.default(8 * 1024 * 1024),
  COLLAB_RATE_MESSAGES_PER_S: positiveInt.default(100),
  COLLAB_RATE_BYTES_PER_S: positiveInt.default(1024 * 1024),
  COLLAB_AWARENESS_PER_S: positiveInt.default(20),
  COLLAB_MAX_CONNECTIONS: positiveInt.default(20_000),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: positiveInt.default(5_000),
  COLLAB_COMPACT_AFTER_UPDATES: nonNegativeInt.default(500),
  SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  ROUND_REMINDER_INTERVAL_SECONDS: positiveInt.default(60),
  SESSION_IDLE_MINUTES: positiveInt.default(120),
  SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  LOGIN_MAX_FAILURES: positiveInt.default(5),
  API_RATE_PER_MINUTE: positiveInt.default(600),
  LOGIN_LOCKOUT_MINUTES: positiveInt.default(15),
  ATELIER_ADMIN_EMAIL: z.email().optional(),
  ATELIER_ADMIN_PASSWORD: z.string().min(12).optional(),
  ATELIER_DEMO: booleanFromString.default(true),
  SMTP_URL: z.string().startsWith('smtp').optional(),
  SMTP_FROM: z.string().min(3).default('Atelier <no-reply@localhost>'),
  // Sign-in with ProConnect (civil servants, professionals). Set ISSUER, CLIENT_ID and
  // CLIENT_SECRET together, or none; register `${PUBLIC_ORIGIN}/api/auth/oidc/proconnect/callback`.
  OIDC_PROCONNECT_ISSUER: z.url().optional(),
  OIDC_PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  OIDC_PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /** Space-separated; default `openid email given_name usual_name`. */
  OIDC_PROCONNECT_SCOPES: z.string().min(1).optional(),
  OIDC_PROCONNECT_ACR_VALUES: z.string().min(1).optional(),
  /** As registered with ProConnect (asymmetric only: RS256 or ES256). */
  OIDC_PROCONNECT_SIGNING_ALG: z.enum(OIDC_SIGNING_ALGS).default('RS256'),
  OIDC_PROCONNECT_EMAIL_VERIFIED_WHEN_ABSENT: booleanFromString.default(true),
  // Sign-in with FranceConnect (citizens); same rules, callback `/api/auth/oidc/franceconnect/callback`.
  OIDC_FRANCECONNECT_ISSUER: z.url().optional(),
  OIDC_FRANCECONNECT_CLIENT_ID: z.string().min(1).optional(),
  OIDC_FRANCECONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /** Space-separated; default `openid email given_name family_name`. */
  OIDC_FRANCECONNECT_SCOPES: z.string().min(1).optional(),
  OIDC_FRANCECONNECT_ACR_VALUES: z.string().min(1).optional(),
  /** FranceConnect recommends ES256; RS256 is the other choice it offers. */
  OIDC_FRANCECONNECT_SIGNING_ALG: z.enum(OIDC_SIGNING_ALGS).default('ES256'),
  OIDC_FRANCECONNECT_EMAIL_VERIFIED_WHEN_ABSENT: booleanFromString.default(true),
});

export interface ServerConfig {
  readonly environment: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** Origin browsers use to reach us; WebSocket upgrades from any other origin are refused. */
  readonly publicOrigin: string;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly storage:
    | {
        readonly kind: 'sqlite';
        readonly filePath: string;
        readonly synchronous: 'normal' | 'full';
      }
    | { readonly kind: 'mongodb'; readonly uri: string };
  /** Lets anyone edit any document. For local trials and benchmarks; refused in production. */
  readonly openAccess: boolean;
  readonly collab: CollabLimits;
  readonly shutdownGraceMs: number;
  /** Between two passes of the comment-round reminders (round opened, closing within 48 h). */
  readonly roundReminderIntervalMs: number;
  readonly sessions: {
    readonly idleMs: number;
    readonly absoluteMs: number;
    readonly secureCookies: boolean;
  };
  readonly loginThrottle: { readonly maxFailures: number; readonly windowMs: number };
  readonly apiRequestsPerMinute: number;
  /** First administrator, created at start when no admin exists. */
  readonly initialAdmin: { readonly email: string; readonly password: string } | null;
  /** Load the reference demo into an empty store. */
  readonly demo: boolean;
  readonly smtp: { readonly url: string; readonly from: string } | null;
  /** Configured OpenID Connect providers (ProConnect, FranceConnect); empty: password sign-in only. */
  readonly oidcProviders: readonly OidcProviderConfig[];
}

export interface CollabLimits {
  readonly maxMessageBytes: number;
  readonly maxBufferedBytes: number;
  readonly messagesPerSecond: number;
  readonly bytesPerSecond: number;
  readonly awarenessPerSecond: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerDocument: number;
  /** Compact a document's log into one snapshot once it holds this many updates; 0 never. */
  readonly compactAfterUpdates: number;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses the environment; throws {@link ConfigurationError} listing every problem at once. */
export function parseServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const problems: string[] = [];
  if (values.COLLAB_OPEN_ACCESS && values.NODE_ENV === 'production') {
    problems.push('COLLAB_OPEN_ACCESS: must not be true in production (anyone could edit)');
  }
  if (values.NODE_ENV === 'production' && !values.PUBLIC_ORIGIN) {
    problems.push('PUBLIC_ORIGIN: required in production (checked on WebSocket upgrades)');
  }
  if (Boolean(values.ATELIER_ADMIN_EMAIL) !== Boolean(values.ATELIER_ADMIN_PASSWORD)) {
    problems.push('ATELIER_ADMIN_EMAIL and ATELIER_ADMIN_PASSWORD: set both or neither');
  }
  const oidcProviders = [
    oidcProviderFrom(
      'proconnect',
      {
        issuer: values.OIDC_PROCONNECT_ISSUER,
        clientId: values.OIDC_PROCONNECT_CLIENT_ID,
        clientSecret: values.OIDC_PROCONNECT_CLIENT_SECRET,
        scopes: values.OIDC_PROCONNECT_SCOPES,
        acrValues: values.OIDC_PROCONNECT_ACR_VALUES,
        signingAlg: values.OIDC_PROCONNECT_SIGNING_ALG,
        emailVerifiedWhenAbsent: values.OIDC_PROCONNECT_EMAIL_VERIFIED_WHEN_ABSENT,
      },
      values.NODE_ENV,
      problems,
    ),
    oidcProviderFrom(
      'franceconnect',
      {
        issuer: values.OIDC_FRANCECONNECT_ISSUER,
        clientId: values.OIDC_FRANCECONNECT_CLIENT_ID,
        clientSecret: values.OIDC_FRANCECONNECT_CLIENT_SECRET,
        scopes: values.OIDC_FRANCECONNECT_SCOPES,
        acrValues: values.OIDC_FRANCECONNECT_ACR_VALUES,
        signingAlg: values.OIDC_FRANCECONNECT_SIGNING_ALG,
        emailVerifiedWhenAbsent: values.OIDC_FRANCECONNECT_EMAIL_VERIFIED_WHEN_ABSENT,
      },
      values.NODE_ENV,
      problems,
    ),
  ].filter((provider): provider is OidcProviderConfig => provider !== null);
  if (problems.length > 0) throw new ConfigurationError(problems);

  const dataDir = path.resolve(values.DATA_DIR);
  return {
    environment: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    publicOrigin: new URL(values.PUBLIC_ORIGIN ?? `http://localhost:${values.PORT}`).origin,
    dataDir,
    logLevel: values.LOG_LEVEL,
    storage: values.MONGODB_URI
      ? { kind: 'mongodb', uri: values.MONGODB_URI }
      : {
          kind: 'sqlite',
          filePath: path.join(dataDir, 'atelier.sqlite'),
          synchronous: values.SQLITE_SYNCHRONOUS,
        },
    openAccess: values.COLLAB_OPEN_ACCESS,
    collab: {
      maxMessageBytes: values.COLLAB_MAX_MESSAGE_BYTES,
      maxBufferedBytes: values.COLLAB_MAX_BUFFERED_BYTES,
      messagesPerSecond: values.COLLAB_RATE_MESSAGES_PER_S,
      bytesPerSecond: values.COLLAB_RATE_BYTES_PER_S,
      awarenessPerSecond: values.COLLAB_AWARENESS_PER_S,
      maxConnections: values.COLLAB_MAX_CONNECTIONS,
      maxConnectionsPerDocument: values.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
      compactAfterUpdates: values.COLLAB_COMPACT_AFTER_UPDATES,
    },
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    roundReminderIntervalMs: values.ROUND_REMINDER_INTERVAL_SECONDS * 1000,
    sessions: {
      idleMs: values.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: values.SESSION_ABSOLUTE_HOURS * 3_600_000,
      // Plain-HTTP localhost in development and tests; Secure everywhere else.
      secureCookies: values.NODE_ENV === 'production' || publicOriginIsHttps(values.PUBLIC_ORIGIN),
    },
    loginThrottle: {
      maxFailures: values.LOGIN_MAX_FAILURES,
      windowMs: values.LOGIN_LOCKOUT_MINUTES * 60_000,
    },
    apiRequestsPerMinute: values.API_RATE_PER_MINUTE,
    initialAdmin:
      values.ATELIER_ADMIN_EMAIL && values.ATELIER_ADMIN_PASSWORD
        ? { email: values.ATELIER_ADMIN_EMAIL, password: values.ATELIER_ADMIN_PASSWORD }
        : null,
    demo: values.ATELIER_DEMO,
    smtp: values.SMTP_URL ? { url: values.SMTP_URL, from: values.SMTP_FROM } : null,
    oidcProviders,
  };
}

/** One provider from its variables: null when none is set; a problem listed when only some are. */
function oidcProviderFrom(
  id: OidcProviderId,
  values: {
    issuer: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    scopes: string | undefined;
    acrValues: string | undefined;
    signingAlg: OidcSigningAlg;
    emailVerifiedWhenAbsent: boolean;
  },
  environment: string,
  problems: string[],
): OidcProviderConfig | null {
  const prefix = `OIDC_${id.toUpperCase()}`;
  const { issuer, clientId, clientSecret } = values;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    problems.push(
      `${prefix}_ISSUER, ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET: set all three or none`,
    );
    return null;
  }
  const provider: OidcProviderConfig = {
    id,
    // Discovery compares it with the provider's metadata exactly, trailing slash included.
    issuer,
    clientId,
    clientSecret,
    scopes: values.scopes ? values.scopes.split(/\s+/).filter(Boolean) : DEFAULT_OIDC_SCOPES[id],
    ...(values.acrValues ? { acrValues: values.acrValues } : {}),
    signingAlg: values.signingAlg,
    // Both federations answer userinfo with a signed JWT.
    signedUserinfo: true,
    emailVerifiedWhenAbsent: values.emailVerifiedWhenAbsent,
  };
  problems.push(...oidcProviderProblems(provider, environment));
  return provider;
}

function publicOriginIsHttps(origin: string | undefined): boolean {
  return origin !== undefined && origin.startsWith('https:');
}
