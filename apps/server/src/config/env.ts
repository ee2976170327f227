import path from 'node:path';
import { z } from 'zod';

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
  };
}

function publicOriginIsHttps(origin: string | undefined): boolean {
  return origin !== undefined && origin.startsWith('https:');
}
