/**
 * The composition root: parse the configuration, open storage, build the server, listen, and
 * shut down in order on SIGTERM/SIGINT. Nothing else decides which adapter or policy is used.
 */
import {
  openMongoDocumentStore,
  openSqliteDocumentStore,
  type DocumentStore,
} from '@atelier/storage';
import { createAtelierServer } from './atelierServer';
import { ConfigurationError, parseServerConfig, type ServerConfig } from './config/env';
import { createLogger, type Logger } from './logging/logger';
import { createOpenAccessPolicy } from './collab/openAccessPolicy';
import { createClosedAccessPolicy } from './collab/closedAccessPolicy';

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
  const store = await openStore(config, lifecycle);
  if (config.openAccess) {
    lifecycle.warn(
      'COLLAB_OPEN_ACCESS is on: anyone who can reach this server may edit every document',
    );
  }
  const server = createAtelierServer({
    store,
    policy: config.openAccess ? createOpenAccessPolicy() : createClosedAccessPolicy(),
    limits: config.collab,
    publicOrigin: config.publicOrigin,
    logger,
  });
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
    await server.close();
    await store.close();
    lifecycle.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function openStore(config: ServerConfig, logger: Logger): Promise<DocumentStore> {
  if (config.storage.kind === 'mongodb') {
    return openMongoDocumentStore({ uri: config.storage.uri });
  }
  logger.info(
    { file: config.storage.filePath, synchronous: config.storage.synchronous },
    'embedded SQLite store',
  );
  return openSqliteDocumentStore({
    filePath: config.storage.filePath,
    synchronous: config.storage.synchronous,
  });
}

void main();
