import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { openSqliteStorage, type AtelierStorage } from '@atelier/storage';
import { createAtelierServer, type AtelierServer } from '../atelierServer';
import type { InvitationMailer } from '../workspace/invitationMailer';
import type { OidcProviderConfig } from '../workspace/oidc/oidcProviderConfig';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import { defaultTestLimits, TEST_ORIGIN } from './startTestServer';

export interface RunningWorkspaceServer {
  readonly server: AtelierServer;
  readonly port: number;
  readonly storage: AtelierStorage;
  readonly context: WorkspaceContext;
  readonly dataDir: string;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** The whole server (REST, Socket.io, collab) with the real workspace rules on a temporary SQLite file. */
export async function startWorkspaceServer(
  options: {
    dataDir?: string;
    mailer?: InvitationMailer;
    idleMs?: number;
    maxFailures?: number;
    apiRequestsPerMinute?: number;
    oidcProviders?: readonly OidcProviderConfig[];
  } = {},
): Promise<RunningWorkspaceServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-ws-'));
  const storage = await openSqliteStorage({
    filePath: path.join(dataDir, 'atelier.sqlite'),
    synchronous: 'normal',
  });
  const server = createAtelierServer({
    documents: storage.documents,
    workspace: {
      store: storage.workspace,
      sessions: {
        idleMs: options.idleMs ?? 3_600_000,
        absoluteMs: 12 * 3_600_000,
        secureCookies: false,
      },
      loginThrottle: { maxFailures: options.maxFailures ?? 5, windowMs: 15 * 60_000 },
      mailer: options.mailer ?? null,
      apiRequestsPerMinute: options.apiRequestsPerMinute ?? 10_000,
      oidcProviders: options.oidcProviders ?? [],
      forum: storage.forum,
    },
    limits: defaultTestLimits,
    publicOrigin: TEST_ORIGIN,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const port = await server.listen(0, '127.0.0.1');
  return {
    server,
    port,
    storage,
    context: server.workspace!,
    dataDir,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      await storage.close();
    },
  };
}
