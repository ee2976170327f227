import { COLD_LOAD } from '../config';
import { runLoad } from '../load/loadRunner';
import { allMetrics, type MetricDefinition, type MetricValues } from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import { serverSpecs, type ServerName } from '../servers/serverSpecs';
import type { ColdLoadParams, ColdLoadResult, ColdRestartAck } from './coldLoadLoad';
import { CrashWatch, startServerForRun, loadTimeoutMs } from './runHelpers';

export const COLD_LOAD_METRICS: readonly MetricDefinition[] = [
  {
    key: 'buildS',
    label: 'build: 100k updates through the server',
    unit: 's',
    better: 'lower',
    digits: 1,
  },
  { key: 'coldSyncMs', label: 'cold sync after restart', unit: 'ms', better: 'lower', digits: 0 },
  {
    key: 'compactingSyncMs',
    label: 'cold sync, first load with compaction on',
    unit: 'ms',
    better: 'lower',
    digits: 0,
  },
  {
    key: 'compactedSyncMs',
    label: 'cold sync after compaction',
    unit: 'ms',
    better: 'lower',
    digits: 0,
  },
  { key: 'textIntact', label: 'text intact after restarts', unit: '', better: 'none', digits: 0 },
];

/** Atelier with online compaction off, so the 100k updates stay 100k rows for the first load. */
const COMPACTION_OFF = { COLLAB_COMPACT_AFTER_UPDATES: '0' };

interface Measurement {
  label: string;
  metricKey: string;
  env: Record<string, string>;
  settleAfterMs: number;
}

function measurementsFor(serverName: ServerName): Measurement[] {
  if (serverName !== 'atelier') {
    return [{ label: 'restarted', metricKey: 'coldSyncMs', env: {}, settleAfterMs: 0 }];
  }
  return [
    { label: 'beforeCompaction', metricKey: 'coldSyncMs', env: COMPACTION_OFF, settleAfterMs: 0 },
    {
      label: 'compactingLoad',
      metricKey: 'compactingSyncMs',
      env: {},
      settleAfterMs: COLD_LOAD.COMPACTION_SETTLE_MS,
    },
    { label: 'afterCompaction', metricKey: 'compactedSyncMs', env: {}, settleAfterMs: 0 },
  ];
}

/** Builds a 100k-update history, restarts the server, times a fresh client's sync. */
export async function runColdLoadBench(
  workspace: BenchWorkspace,
  serverName: ServerName,
): Promise<MetricValues> {
  if (!serverSpecs[serverName].persistent) {
    return allMetrics(COLD_LOAD_METRICS, 'n/a (in-memory)');
  }
  const measurements = measurementsFor(serverName);
  const buildEnv = serverName === 'atelier' ? COMPACTION_OFF : {};
  const started = await startServerForRun(workspace, serverName, COLD_LOAD_METRICS, {
    extraEnv: buildEnv,
  });
  if ('failed' in started) return started.failed;
  let server = started.server;
  const { dataDir, port } = server.options;
  const params: ColdLoadParams = {
    target: {
      dialect: server.spec.dialect,
      baseUrl: server.syncBaseUrl,
      docName: `cold-${Date.now()}`,
    },
    historyUpdates: COLD_LOAD.HISTORY_UPDATES,
    updatesPerBarrier: COLD_LOAD.UPDATES_PER_BARRIER,
    buildTimeoutMs: COLD_LOAD.BUILD_TIMEOUT_MS,
    syncTimeoutMs: COLD_LOAD.SYNC_TIMEOUT_MS,
    measurements: measurements.map(({ label, settleAfterMs }) => ({ label, settleAfterMs })),
  };
  const crashWatch = new CrashWatch();
  crashWatch.watch(server);
  const outcome = await runLoad<ColdLoadResult>({
    workload: 'coldLoad',
    params,
    onMark: async (name, data): Promise<ColdRestartAck | null> => {
      if (name !== 'restartServer') return null;
      const label = (data as { label: string }).label;
      const env = measurements.find((measurement) => measurement.label === label)?.env ?? {};
      // Graceful stop: every server gets the chance to flush what it holds before the restart.
      await server.stop();
      try {
        server = await workspace.startServer(serverName, { dataDir, port, extraEnv: env });
        crashWatch.watch(server);
        return { restarted: true };
      } catch {
        workspace.noteFailure();
        return { restarted: false };
      }
    },
    timeoutMs: loadTimeoutMs(
      COLD_LOAD.BUILD_TIMEOUT_MS,
      ...measurements.map(
        () => COLD_LOAD.SYNC_TIMEOUT_MS + COLD_LOAD.COMPACTION_SETTLE_MS + 15_000,
      ),
    ),
    abortWhen: crashWatch.crashed,
  });
  await server.stop();

  if (outcome.status !== 'ok') {
    workspace.noteFailure();
    return allMetrics(COLD_LOAD_METRICS, outcome.status);
  }
  const result = outcome.result;
  const values: MetricValues = {
    ...allMetrics(COLD_LOAD_METRICS, 'n/a'),
    buildS:
      result.buildMs === null
        ? `timeout (${result.historyUpdatesSent} sent)`
        : result.buildMs / 1000,
  };
  for (const measured of result.measurements) {
    const key = measurements.find((measurement) => measurement.label === measured.label)?.metricKey;
    if (key === undefined) continue;
    values[key] = !measured.restarted ? 'restart failed' : (measured.syncMs ?? 'timeout');
  }
  const intact = result.measurements.every(
    (measured) => measured.textLength === result.historyUpdatesSent,
  );
  values.textIntact = intact
    ? 'yes'
    : `no (${result.measurements.map((measured) => measured.textLength).join('/')} chars)`;
  return values;
}
