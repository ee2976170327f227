import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { openSqliteDocumentStore, type DocumentStore } from '@atelier/storage';
import { createAtelierServer, type AtelierServer } from '../atelierServer';
import type { CollabLimits } from '../config/env';
import type { DocumentAccessPolicy } from '../collab/documentAccessPolicy';
import type { DocumentTemplateSource } from '../collab/documentTemplateSource';
import { TestAccessPolicy } from './testAccessPolicy';

export const TEST_ORIGIN = 'http://atelier.test';

export const defaultTestLimits: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  messagesPerSecond: 1_000,
  bytesPerSecond: 8 * 1024 * 1024,
  awarenessPerSecond: 100,
  maxConnections: 5_000,
  maxConnectionsPerDocument: 5_000,
  compactAfterUpdates: 500,
};

export interface RunningTestServer {
  readonly server: AtelierServer;
  readonly port: number;
  readonly store: DocumentStore;
  readonly policy: TestAccessPolicy;
  readonly dataDir: string;
  /** Closes the server and its store (not the data directory, so a restart can reuse it). */
  stop(): Promise<void>;
}

/** Our real server on port 0 with a real SQLite file in a temporary directory. */
export async function startTestServer(
  options: {
    dataDir?: string;
    /** Reuse a port (a restart the clients must find again); 0 by default. */
    port?: number;
    limits?: Partial<CollabLimits>;
    policy?: DocumentAccessPolicy;
    templates?: DocumentTemplateSource;
  } = {},
): Promise<RunningTestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-test-'));
  const store = await openSqliteDocumentStore({
    filePath: path.join(dataDir, 'atelier.sqlite'),
    synchronous: 'normal',
  });
  const policy = (options.policy as TestAccessPolicy | undefined) ?? new TestAccessPolicy();
  const server = createAtelierServer({
    documents: store,
    policy,
    ...(options.templates ? { templates: options.templates } : {}),
    limits: { ...defaultTestLimits, ...options.limits },
    publicOrigin: TEST_ORIGIN,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const port = await server.listen(options.port ?? 0, '127.0.0.1');
  return {
    server,
    port,
    store,
    policy,
    dataDir,
    stop: async () => {
      await server.close();
      await store.close();
    },
  };
}
