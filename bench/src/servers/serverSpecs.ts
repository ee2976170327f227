import { fileURLToPath } from 'node:url';
import type { WireDialectName } from '../clients/wireDialect';
import { LOOPBACK_HOST } from './freePort';

export type ServerName = 'atelier' | 'hocuspocus' | 'y-websocket';

export const ALL_SERVERS: readonly ServerName[] = ['atelier', 'hocuspocus', 'y-websocket'];

const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Rate limits handed to Atelier for every run: far above anything the workload sends, so the
 * benchmark measures fan-out and persistence, not our per-connection limiter.
 */
export const ATELIER_UNLIMITED_RATES = {
  COLLAB_RATE_MESSAGES_PER_S: '1000000',
  COLLAB_RATE_BYTES_PER_S: '1000000000',
  COLLAB_AWARENESS_PER_S: '1000000',
};

export interface ServerSpec {
  name: ServerName;
  dialect: WireDialectName;
  /** Whether documents survive a restart (the y-websocket reference server keeps them in memory). */
  persistent: boolean;
  cwd: string;
  /** Arguments after `node`. */
  nodeArgs: string[];
  env(port: number, dataDir: string): Record<string, string>;
  /** Answers 200 once the server accepts connections. */
  readinessUrl(port: number): string;
  /** Base URL handed to the stock provider for this server. */
  syncBaseUrl(port: number): string;
}

export const serverSpecs: Readonly<Record<ServerName, ServerSpec>> = {
  atelier: {
    name: 'atelier',
    dialect: 'y-websocket',
    persistent: true,
    cwd: REPO_DIR,
    // Built by `pnpm bench` first (apps/server/scripts/build.mjs), as `pnpm start` runs it.
    nodeArgs: ['apps/server/dist/main.js'],
    env: (port, dataDir) => ({
      PORT: String(port),
      HOST: LOOPBACK_HOST,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      // Lets the bench's anonymous clients edit any document; development and bench only.
      COLLAB_OPEN_ACCESS: 'true',
      ATELIER_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...ATELIER_UNLIMITED_RATES,
    }),
    readinessUrl: (port) => `http://${LOOPBACK_HOST}:${port}/api/health`,
    syncBaseUrl: (port) => `ws://${LOOPBACK_HOST}:${port}/collab`,
  },
  hocuspocus: {
    name: 'hocuspocus',
    dialect: 'hocuspocus',
    persistent: true,
    cwd: BENCH_DIR,
    // Compiled by bench/scripts/buildLaunchers.mjs, so that it too runs under plain node.
    nodeArgs: ['dist/hocuspocusServer.mjs'],
    env: (port, dataDir) => ({ PORT: String(port), HOST: LOOPBACK_HOST, DATA_DIR: dataDir }),
    readinessUrl: (port) => `http://${LOOPBACK_HOST}:${port}/`,
    syncBaseUrl: (port) => `ws://${LOOPBACK_HOST}:${port}`,
  },
  'y-websocket': {
    name: 'y-websocket',
    dialect: 'y-websocket',
    persistent: false,
    cwd: BENCH_DIR,
    nodeArgs: ['dist/yWebsocketServer.mjs'],
    env: (port) => ({ PORT: String(port), HOST: LOOPBACK_HOST }),
    readinessUrl: (port) => `http://${LOOPBACK_HOST}:${port}/`,
    syncBaseUrl: (port) => `ws://${LOOPBACK_HOST}:${port}`,
  },
};
