import { join } from 'node:path';
import { RESULTS_COALESCE_MS } from '@atelier/protocol';
import type { ForumServerKind } from '../clients/forumDialect';
import type { MetricDefinition, MetricValues } from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import { findFreePort, LOOPBACK_HOST } from '../servers/freePort';
import { ServerProcess } from '../servers/serverProcess';
import { serverSpecs, type ServerSpec } from '../servers/serverSpecs';
import { describeStartFailure, startServerForRun } from './runHelpers';

/**
 * Atelier for the forum workload: the usual bench launch (production build, core 0) with the
 * demo loaded, for its facilitator account and consultation, and the REST limit per address
 * lifted, since every guest of the room joins from 127.0.0.1 (the workload measures the forum,
 * not our rate limiter).
 */
export const ATELIER_FORUM_ENV: Readonly<Record<string, string>> = {
  ATELIER_DEMO: 'true',
  API_RATE_PER_MINUTE: '1000000',
};

/**
 * The bare Socket.io peer (src/servers/bareSocketIoServer.ts, compiled to dist/ like the other
 * peers' launchers). It reuses the y-websocket reference server's launch shape — a plain-node
 * file in bench/, in memory, PORT and HOST, 200 on / once listening — with its own entry; the
 * spec's wire dialect is unused here, the forum screens speak Socket.io.
 */
const bareSocketIoSpec: ServerSpec = {
  ...serverSpecs['y-websocket'],
  nodeArgs: ['dist/bareSocketIoServer.mjs'],
};

export function forumOrigin(server: ServerProcess): string {
  return `http://${LOOPBACK_HOST}:${server.port}`;
}

/** The bare peers: one broadcast per vote, or Atelier's coalescing window (the real floor). */
const BARE_COALESCE_MS: Readonly<Record<Exclude<ForumServerKind, 'atelier'>, number>> = {
  'socketio-bare': 0,
  'socketio-coalesced': RESULTS_COALESCE_MS,
};

/** Starts one server of the comparison; when it cannot start, every metric says why. */
export async function startForumServer(
  workspace: BenchWorkspace,
  kind: ForumServerKind,
  metrics: readonly MetricDefinition[],
): Promise<{ server: ServerProcess } | { failed: MetricValues }> {
  if (kind === 'atelier') {
    return startServerForRun(workspace, 'atelier', metrics, { extraEnv: { ...ATELIER_FORUM_ENV } });
  }
  try {
    const port = await findFreePort();
    const server = await ServerProcess.start(bareSocketIoSpec, {
      port,
      dataDir: workspace.newDataDir(kind),
      logPath: join(workspace.rootDir, `${kind}-${port}.log`),
      extraEnv: { BARE_RESULTS_COALESCE_MS: String(BARE_COALESCE_MS[kind]) },
    });
    return { server };
  } catch (error) {
    workspace.noteFailure();
    const status = describeStartFailure(error);
    return { failed: Object.fromEntries(metrics.map((metric) => [metric.key, status])) };
  }
}
