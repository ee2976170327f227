/**
 * The composition root: parse the configuration, open storage, build the server, listen, and
 * shut down in order on SIGTERM/SIGINT. Nothing else decides which adapter or policy is used.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMongoStorage, openSqliteStorage, type AtelierStorage } from '@atelier/storage';
import { createAtelierServer } from './atelierServer';
import { createOpenAccessPolicy } from './collab/openAccessPolicy';
import { ConfigurationError, parseServerConfig, type ServerConfig } from './config/env';
import { createLogger, type Logger } from './logging/logger';
import { bootstrapAdmin } from './workspace/bootstrapAdmin';
import { loadDemoWorkspace } from './workspace/demo/loadDemoWorkspace';
import { RoundReminders } from './workspace/notifications/roundReminders';
import { isLoopbackHttpIssuer } from './workspace/oidc/oidcProviderConfig';
import { createSmtpInvitationMailer } from './workspace/smtpInvitationMailer';

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = parseServerConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const lifecycle = logger.child({ component: 'lifecycle' });
  const storage = await openStorage(config, lifecycle);
  if (config.openAccess) {
    lifecycle.warn(
      'COLLAB_OPEN_ACCESS is on: anyone who can reach this server may edit every document',
    );
  }
  if (!config.sessions.secureCookies && config.environment !== 'test') {
    lifecycle.warn(
      'session cookies are sent without Secure: fine on localhost, never behind a public address',
    );
  }
  for (const provider of config.oidcProviders) {
    lifecycle.info(
      { provider: provider.id, issuer: provider.issuer },
      'OpenID Connect sign-in enabled',
    );
    if (isLoopbackHttpIssuer(provider.issuer)) {
      lifecycle.warn(
        { provider: provider.id },
        'OpenID provider on plain http (loopback): for development only',
      );
    }
  }
  const server = createAtelierServer({
    documents: storage.documents,
    workspace: {
      store: storage.workspace,
      sessions: config.sessions,
      loginThrottle: config.loginThrottle,
      apiRequestsPerMinute: config.apiRequestsPerMinute,
      mailer: config.smtp ? createSmtpInvitationMailer(config.smtp.url, config.smtp.from) : null,
      oidcProviders: config.oidcProviders,
      forum: storage.forum,
    },
    ...(config.openAccess ? { policy: createOpenAccessPolicy() } : {}),
    limits: config.collab,
    publicOrigin: config.publicOrigin,
    logger,
    webRoot: findWebClient(lifecycle),
  });
  await prepareWorkspace(server.workspace!, server.forum, config, lifecycle);
  const roundReminders = new RoundReminders(server.workspace!, {
    intervalMs: config.roundReminderIntervalMs,
  });
  roundReminders.start();
  const port = await server.listen(config.port, config.host);
  lifecycle.info(
    { port, host: config.host, publicOrigin: config.publicOrigin, storage: config.storage.kind },
    'listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => {
      lifecycle.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    forceExit.unref();
    await roundReminders.stop();
    await server.close();
    await storage.close();
    lifecycle.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function openStorage(config: ServerConfig, logger: Logger): Promise<AtelierStorage> {
  if (config.storage.kind === 'mongodb') {
    logger.info('MongoDB store');
    return openMongoStorage({ uri: config.storage.uri });
  }
  logger.info(
    { file: config.storage.filePath, synchronous: config.storage.synchronous },
    'embedded SQLite store',
  );
  return openSqliteStorage({
    filePath: config.storage.filePath,
    synchronous: config.storage.synchronous,
  });
}

/** First-start chores: the initial admin, then the demo when the store is empty. */
async function prepareWorkspace(
  workspace: NonNullable<ReturnType<typeof createAtelierServer>['workspace']>,
  forum: ReturnType<typeof createAtelierServer>['forum'],
  config: ServerConfig,
  logger: Logger,
): Promise<void> {
  const emptyAtStart = await workspace.store.isEmpty();
  if (config.initialAdmin && (await bootstrapAdmin(workspace, config.initialAdmin))) {
    logger.info({ email: config.initialAdmin.email }, 'initial administrator created');
  }
  if (!config.demo || !emptyAtStart) return;
  const signIns = await loadDemoWorkspace(workspace, { forum });
  // Demo passwords are printed in development only; elsewhere they are in the README.
  if (config.environment === 'development') {
    const lines = signIns.map((s) => `  ${s.email.padEnd(28)} ${s.password}   (${s.description})`);
    process.stdout.write(`\nDemo sign-ins:\n${lines.join('\n')}\n\n`);
  } else {
    logger.info('demo workspace loaded');
  }
}

/**
 * The built web client sits two levels up from this file both in the sources (src/main.ts) and
 * in the bundle (dist/main.js): apps/web/dist.
 */
function findWebClient(logger: Logger): string | null {
  const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
  if (existsSync(path.join(webRoot, 'index.html'))) return webRoot;
  logger.warn(
    { webRoot },
    'no built web client: serving the API only (pnpm --filter @atelier/web build)',
  );
  return null;
}

void main();
