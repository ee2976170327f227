import { CRASH } from '../config';
import { runLoad } from '../load/loadRunner';
import { allMetrics, type MetricDefinition, type MetricValues } from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import type { ServerName } from '../servers/serverSpecs';
import type { CrashLoadResult, CrashParams, RestartAck } from './crashLoad';
import { CrashWatch, startServerForRun, loadTimeoutMs } from './runHelpers';

export const CRASH_METRICS: readonly MetricDefinition[] = [
  {
    key: 'observed',
    label: 'edits seen by observer before kill',
    unit: '',
    better: 'none',
    digits: 0,
  },
  {
    key: 'lost',
    label: 'edits lost after SIGKILL + restart',
    unit: '',
    better: 'lower',
    digits: 0,
  },
  { key: 'lostPct', label: 'edits lost', unit: '%', better: 'lower', digits: 1 },
];

/** Burst, SIGKILL, restart on the same data, count what a fresh client gets back. */
export async function runCrash(
  workspace: BenchWorkspace,
  serverName: ServerName,
): Promise<MetricValues> {
  const started = await startServerForRun(workspace, serverName, CRASH_METRICS);
  if ('failed' in started) return started.failed;
  let server = started.server;
  const { dataDir, port } = server.options;
  const crashWatch = new CrashWatch();
  crashWatch.watch(server);
  const params: CrashParams = {
    target: {
      dialect: server.spec.dialect,
      baseUrl: server.syncBaseUrl,
      docName: `crash-${Date.now()}`,
    },
    burstEdits: CRASH.BURST_EDITS,
    syncTimeoutMs: CRASH.SYNC_TIMEOUT_MS,
    observeTimeoutMs: CRASH.OBSERVE_TIMEOUT_MS,
  };
  const outcome = await runLoad<CrashLoadResult>({
    workload: 'crash',
    params,
    onMark: async (name): Promise<RestartAck | null> => {
      if (name === 'killServer') {
        await server.kill();
        return null;
      }
      try {
        server = await workspace.startServer(serverName, { dataDir, port });
        crashWatch.watch(server);
        return { restarted: true };
      } catch {
        workspace.noteFailure();
        return { restarted: false };
      }
    },
    timeoutMs: loadTimeoutMs(CRASH.SYNC_TIMEOUT_MS * 2, CRASH.OBSERVE_TIMEOUT_MS),
    abortWhen: crashWatch.crashed,
  });
  await server.stop();

  if (outcome.status !== 'ok') {
    workspace.noteFailure();
    return allMetrics(CRASH_METRICS, outcome.status);
  }
  const result = outcome.result;
  if (!result.restarted) return allMetrics(CRASH_METRICS, 'restart failed');
  if (!result.freshClientSynced) return allMetrics(CRASH_METRICS, 'no sync after restart');
  const lost = result.editsObservedBeforeKill - result.editsRecovered;
  return {
    observed: `${result.editsObservedBeforeKill}/${result.editsSent}`,
    lost,
    lostPct:
      result.editsObservedBeforeKill === 0 ? 'n/a' : (lost / result.editsObservedBeforeKill) * 100,
  };
}
