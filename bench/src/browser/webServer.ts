import { join } from 'node:path';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import { findFreePort, LOOPBACK_HOST } from '../servers/freePort';
import { ServerProcess } from '../servers/serverProcess';
import { serverSpecs, type ServerSpec } from '../servers/serverSpecs';

export function originOf(port: number): string {
  return `http://${LOOPBACK_HOST}:${port}`;
}

/**
 * Atelier as a person meets it: the production build (apps/server/dist/main.js, built by
 * `pnpm bench`) serving apps/web/dist, demo accounts seeded, default rate limits and access
 * rules (no COLLAB_OPEN_ACCESS), pinned to the server core like every server under test.
 */
const atelierWithWebClient: ServerSpec = {
  ...serverSpecs.atelier,
  env: (port, dataDir) => ({
    PORT: String(port),
    HOST: LOOPBACK_HOST,
    PUBLIC_ORIGIN: originOf(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    ATELIER_DEMO: 'true',
    LOG_LEVEL: 'warn',
  }),
};

export async function startAtelierWithWebClient(
  workspace: BenchWorkspace,
  /** Settings a workload needs changed, e.g. a higher REST rate to seed data. */
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await findFreePort();
  return ServerProcess.start(atelierWithWebClient, {
    port,
    dataDir: workspace.newDataDir('atelier-web'),
    logPath: join(workspace.rootDir, 'atelier-web.log'),
    extraEnv,
  });
}
