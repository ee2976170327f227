import { RECONNECT_STORM } from '../config';
import { runLoad } from '../load/loadRunner';
import type { ProcessSample } from '../measure/procStats';
import { allMetrics, type MetricDefinition, type MetricValues } from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import type { ServerName } from '../servers/serverSpecs';
import type {
  ReconnectStormLoadResult,
  ReconnectStormParams,
  StormRestartAck,
} from './reconnectStormLoad';
import { CrashWatch, startServerForRun, loadTimeoutMs } from './runHelpers';

export const RECONNECT_STORM_METRICS: readonly MetricDefinition[] = [
  {
    key: 'connectedBefore',
    label: 'clients synced before restart',
    unit: '',
    better: 'none',
    digits: 0,
  },
  { key: 'stopS', label: 'SIGTERM -> exited', unit: 's', better: 'lower', digits: 2 },
  { key: 'halfBackS', label: 'ready -> half resynced', unit: 's', better: 'lower', digits: 2 },
  { key: 'allBackS', label: 'ready -> all resynced', unit: 's', better: 'lower', digits: 2 },
  { key: 'admitCpuS', label: 'server CPU admitting them', unit: 's', better: 'lower', digits: 2 },
  { key: 'loadCpuPct', label: 'load generator core busy', unit: '%', better: 'none', digits: 0 },
];

/** Stock providers on one document; SIGTERM the server, start it again, time their return. */
export async function runReconnectStorm(
  workspace: BenchWorkspace,
  serverName: ServerName,
): Promise<MetricValues> {
  const started = await startServerForRun(workspace, serverName, RECONNECT_STORM_METRICS);
  if ('failed' in started) return started.failed;
  let server = started.server;
  const { dataDir, port } = server.options;
  const crashWatch = new CrashWatch();
  crashWatch.watch(server);
  let readySample: ProcessSample | null = null;
  let admittedSample: ProcessSample | null = null;
  let stopMs: number | null = null;
  const params: ReconnectStormParams = {
    target: {
      dialect: server.spec.dialect,
      baseUrl: server.syncBaseUrl,
      docName: `storm-${Date.now()}`,
    },
    clients: RECONNECT_STORM.CLIENTS,
    connectConcurrency: RECONNECT_STORM.CONNECT_CONCURRENCY,
    joinTimeoutMs: RECONNECT_STORM.JOIN_TIMEOUT_MS,
    resyncTimeoutMs: RECONNECT_STORM.RESYNC_TIMEOUT_MS,
  };
  const outcome = await runLoad<ReconnectStormLoadResult>({
    workload: 'reconnectStorm',
    params,
    onMark: async (name): Promise<StormRestartAck | null> => {
      if (name === 'stormOver') {
        admittedSample = server.sample();
        return null;
      }
      const stopStartedAt = performance.now();
      const exitedByItself = await server.stop();
      stopMs = exitedByItself ? performance.now() - stopStartedAt : null;
      try {
        server = await workspace.startServer(serverName, { dataDir, port });
        readySample = server.sample();
        crashWatch.watch(server);
        return { restarted: true, readyAtEpochMs: Date.now() };
      } catch {
        workspace.noteFailure();
        return { restarted: false, readyAtEpochMs: Date.now() };
      }
    },
    timeoutMs: loadTimeoutMs(
      RECONNECT_STORM.JOIN_TIMEOUT_MS,
      RECONNECT_STORM.RESYNC_TIMEOUT_MS,
      30_000,
    ),
    abortWhen: crashWatch.crashed,
  });
  await server.stop();

  if (outcome.status !== 'ok') {
    workspace.noteFailure();
    return allMetrics(RECONNECT_STORM_METRICS, outcome.status);
  }
  const result = outcome.result;
  if (!result.restarted) return allMetrics(RECONNECT_STORM_METRICS, 'restart failed');
  const ready = readySample as ProcessSample | null;
  const admitted = admittedSample as ProcessSample | null;
  return {
    connectedBefore: `${result.clientsSyncedBefore}/${RECONNECT_STORM.CLIENTS}`,
    stopS: stopMs === null ? 'killed after timeout' : stopMs / 1000,
    halfBackS: result.resyncHalfMs === null ? 'timeout' : result.resyncHalfMs / 1000,
    allBackS:
      result.resyncAllMs === null
        ? `timeout (${result.clientsResynced}/${result.clientsSyncedBefore})`
        : result.resyncAllMs / 1000,
    admitCpuS: ready && admitted ? admitted.cpuSeconds - ready.cpuSeconds : 'n/a',
    loadCpuPct: result.loadCpuShare * 100,
  };
}
