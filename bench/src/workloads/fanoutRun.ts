import { FANOUT } from '../config';
import { runLoad } from '../load/loadRunner';
import { cpuBetween, type MarkSamples } from '../measure/markSamples';
import type { ProcessSample } from '../measure/procStats';
import { NOT_COMPARABLE_KEY, type MetricDefinition, type MetricValues } from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import type { ServerName } from '../servers/serverSpecs';
import type { FanoutLoadResult, FanoutParams } from './fanoutLoad';
import { startServerForRun, loadTimeoutMs, serverAbort, stopServerAfterLoad } from './runHelpers';

export const FANOUT_METRICS: readonly MetricDefinition[] = [
  { key: 'joinS', label: 'join, all synced', unit: 's', better: 'lower', digits: 2 },
  { key: 'p50Ms', label: 'fan-out latency p50', unit: 'ms', better: 'lower', digits: 1 },
  { key: 'p99Ms', label: 'fan-out latency p99', unit: 'ms', better: 'lower', digits: 1 },
  {
    key: 'deliveredPct',
    label: 'edits delivered to probes',
    unit: '%',
    better: 'higher',
    digits: 2,
  },
  { key: 'converged', label: 'converged after stop', unit: '', better: 'none', digits: 0 },
  {
    key: 'serverCloses',
    label: 'connections closed by server',
    unit: '',
    better: 'none',
    digits: 0,
  },
  { key: 'joinCpuS', label: 'server CPU, join phase', unit: 's', better: 'lower', digits: 2 },
  {
    key: 'steadyCpuS',
    label: 'server CPU, measured window',
    unit: 's',
    better: 'lower',
    digits: 2,
  },
  {
    key: 'steadyCpuPct',
    label: 'server core busy in window',
    unit: '%',
    better: 'lower',
    digits: 0,
  },
  { key: 'peakRssMb', label: 'server peak RSS', unit: 'MB', better: 'lower', digits: 0 },
  { key: 'idleConnKb', label: 'RSS per idle connection', unit: 'KB', better: 'lower', digits: 1 },
  {
    key: 'framesPerCpuS',
    label: 'frames delivered per server CPU s',
    unit: 'k',
    better: 'higher',
    digits: 1,
  },
  {
    key: 'mbPerCpuS',
    label: 'bytes delivered per server CPU s',
    unit: 'MB',
    better: 'higher',
    digits: 2,
  },
  {
    key: 'deliveredFramesPerS',
    label: 'frames delivered per s',
    unit: 'k',
    better: 'higher',
    digits: 1,
  },
  { key: 'editsPerS', label: 'edits sent per s (target 100)', unit: '', better: 'none', digits: 1 },
  { key: 'loadCpuPct', label: 'load generator core busy', unit: '%', better: 'none', digits: 0 },
];

const MB = 1024 * 1024;

/** One fan-out run of `clients` clients against a fresh server. */
export async function runFanout(
  workspace: BenchWorkspace,
  serverName: ServerName,
  clients: number,
): Promise<MetricValues> {
  const started = await startServerForRun(workspace, serverName, FANOUT_METRICS);
  if ('failed' in started) return started.failed;
  const server = started.server;

  const samples: MarkSamples = new Map();
  const params: FanoutParams = {
    target: {
      dialect: server.spec.dialect,
      baseUrl: server.syncBaseUrl,
      docName: `fanout-${clients}-${Date.now()}`,
    },
    clients,
    writers: FANOUT.WRITERS,
    probes: FANOUT.PROBES,
    editIntervalMs: FANOUT.EDIT_INTERVAL_MS,
    joinTimeoutMs: FANOUT.JOIN_TIMEOUT_MS,
    idleSettleMs: FANOUT.IDLE_SETTLE_MS,
    warmupMs: FANOUT.WARMUP_MS,
    measureMs: FANOUT.MEASURE_MS,
    settleTimeoutMs: FANOUT.SETTLE_TIMEOUT_MS,
    connectConcurrency: FANOUT.CONNECT_CONCURRENCY,
  };
  const outcome = await runLoad<FanoutLoadResult>({
    workload: 'fanout',
    params,
    onMark: async (name) => {
      samples.set(name, server.sample());
    },
    timeoutMs: loadTimeoutMs(
      FANOUT.JOIN_TIMEOUT_MS,
      FANOUT.IDLE_SETTLE_MS,
      FANOUT.WARMUP_MS,
      FANOUT.MEASURE_MS,
      FANOUT.SETTLE_TIMEOUT_MS,
    ),
    abortWhen: serverAbort(server),
  });
  const ended = await stopServerAfterLoad(workspace, server, outcome, FANOUT_METRICS);
  if ('failed' in ended) return ended.failed;
  return fanoutMetrics(ended.result, samples, ended.finalSample);
}

function fanoutMetrics(
  result: FanoutLoadResult,
  samples: MarkSamples,
  finalSample: ProcessSample | null,
): MetricValues {
  const joinCpuS = cpuBetween(samples, 'joinStart', 'joined');
  const steadyCpuS = cpuBetween(samples, 'measureStart', 'measureEnd');
  const beforeJoin = samples.get('joinStart');
  const idle = samples.get('idle');
  const windowS = result.windowMs / 1000;
  const orMissing = (value: number | null, missing: string) => value ?? missing;
  const refused = result.serverCloses !== '0' || result.joinMs === null;
  return {
    ...(refused && {
      [NOT_COMPARABLE_KEY]: `incomplete run (${result.clientsSynced}/${result.clientsRequested} synced, server closed ${result.serverCloses})`,
    }),
    joinS:
      result.joinMs === null
        ? `timeout (${result.clientsSynced}/${result.clientsRequested})`
        : result.joinMs / 1000,
    p50Ms: orMissing(result.latencyP50Ms, 'lost'),
    p99Ms: orMissing(result.latencyP99Ms, 'lost'),
    deliveredPct: result.deliveredRatio === null ? 'n/a' : result.deliveredRatio * 100,
    converged: result.converged
      ? `yes (${((result.convergeMs ?? 0) / 1000).toFixed(1)} s)`
      : 'timeout',
    serverCloses: result.serverCloses,
    joinCpuS: orMissing(joinCpuS, 'n/a'),
    steadyCpuS: orMissing(steadyCpuS, 'n/a'),
    steadyCpuPct: steadyCpuS === null ? 'n/a' : (steadyCpuS / windowS) * 100,
    peakRssMb: finalSample === null ? 'n/a' : finalSample.peakRssBytes / MB,
    idleConnKb:
      beforeJoin && idle
        ? (idle.rssBytes - beforeJoin.rssBytes) / 1024 / result.clientsRequested
        : 'n/a',
    framesPerCpuS:
      steadyCpuS === null || steadyCpuS === 0
        ? 'n/a'
        : result.framesDeliveredInWindow / steadyCpuS / 1000,
    mbPerCpuS:
      steadyCpuS === null || steadyCpuS === 0
        ? 'n/a'
        : result.bytesDeliveredInWindow / steadyCpuS / MB,
    deliveredFramesPerS: result.framesDeliveredInWindow / windowS / 1000,
    editsPerS: result.achievedEditsPerS,
    loadCpuPct: result.loadCpuShareInWindow * 100,
  };
}
