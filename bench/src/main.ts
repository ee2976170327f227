/**
 * `pnpm bench`: the same workloads against Atelier, Hocuspocus and the y-websocket reference
 * server, one fresh server process per run; prints a table per workload and writes JSON.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { runBrowserSection } from './browser/browserRun';
import { BenchConfigError, FANOUT, readBenchConfig } from './config';
import { printProgress, printReport } from './report/printReport';
import type { BenchReport, MetricDefinition, MetricValues, SectionResult } from './report/results';
import { writeResults } from './report/writeResults';
import { BenchWorkspace } from './servers/benchWorkspace';
import { killAllChildren, killChildrenOnExit } from './servers/childRegistry';
import { ATELIER_UNLIMITED_RATES, type ServerName } from './servers/serverSpecs';
import { COLD_LOAD_METRICS, runColdLoadBench } from './workloads/coldLoadRun';
import { CRASH_METRICS, runCrash } from './workloads/crashRun';
import { FANOUT_METRICS, runFanout } from './workloads/fanoutRun';
import { FORUM_SERVERS, runForumSection } from './workloads/forumVotesRun';
import { RECONNECT_STORM_METRICS, runReconnectStorm } from './workloads/reconnectStormRun';
import { runThreadsSection } from './threads/threadsRun';

type ServerRun = (workspace: BenchWorkspace, server: ServerName) => Promise<MetricValues>;

interface SectionPlan {
  title: string;
  notes: string[];
  metrics: readonly MetricDefinition[];
  run: ServerRun;
}

function requireTaskset() {
  const probe = spawnSync('taskset', ['--version']);
  if (probe.error !== undefined || probe.status !== 0) {
    throw new BenchConfigError('taskset (util-linux) is required to pin processes to cores');
  }
}

function plannedSections(sizes: number[]): SectionPlan[] {
  const rateNote = `atelier runs with ${Object.entries(ATELIER_UNLIMITED_RATES)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')}: fan-out is measured, not our rate limiter.`;
  const fanoutSections = sizes.map<SectionPlan>((clients) => ({
    title: `fan-out, N=${clients.toLocaleString('en-US')} clients`,
    notes: [
      `${FANOUT.WRITERS} writers x ${1000 / FANOUT.EDIT_INTERVAL_MS} edits/s (+1 cursor update each), ${FANOUT.PROBES} probes, ${clients - FANOUT.WRITERS - FANOUT.PROBES} raw readers renewing awareness every 15 s.`,
      `Latency over a ${FANOUT.MEASURE_MS / 1000} s window after ${FANOUT.WARMUP_MS / 1000} s warm-up; edits never seen count as lost.`,
      rateNote,
    ],
    metrics: FANOUT_METRICS,
    run: (workspace, server) => runFanout(workspace, server, clients),
  }));
  return [
    ...fanoutSections,
    {
      title: 'crash: 300-edit burst, SIGKILL once an observer saw it, restart on the same data',
      notes: ['y-websocket keeps documents in memory only: everything is lost by design.'],
      metrics: CRASH_METRICS,
      run: runCrash,
    },
    {
      title:
        'cold load: 100,000 single-character updates of history, graceful restart, fresh client sync',
      notes: [
        'atelier: built and first measured with COLLAB_COMPACT_AFTER_UPDATES=0, then restarted with compaction on (one load), then again.',
        'hocuspocus: its SQLite extension stores the merged document state, so there is no history to replay.',
      ],
      metrics: COLD_LOAD_METRICS,
      run: runColdLoadBench,
    },
    {
      title:
        'reconnect storm: 1,000 stock providers, server SIGTERM + restart on the same port and data',
      notes: [
        "Times include the providers' own reconnect backoff (y-websocket: up to 2.5 s; Hocuspocus: 1-30 s with jitter).",
      ],
      metrics: RECONNECT_STORM_METRICS,
      run: runReconnectStorm,
    },
  ];
}

async function main() {
  killChildrenOnExit();
  const config = readBenchConfig(process.env);
  requireTaskset();
  const startedAt = new Date();
  const workspace = new BenchWorkspace();
  const sections: SectionResult[] = [];

  const serverPlans = config.workloads.includes('servers') ? plannedSections(config.sizes) : [];
  for (const plan of serverPlans) {
    const section: SectionResult = {
      title: plan.title,
      notes: plan.notes,
      metrics: plan.metrics,
      values: {},
    };
    for (const server of config.servers) {
      printProgress(`${plan.title} :: ${server}`);
      section.values[server] = await plan.run(workspace, server);
    }
    sections.push(section);
  }
  // --- web client workload (bench/src/browser): Atelier only, so it runs when atelier is benched.
  if (config.workloads.includes('browser') && config.servers.includes('atelier')) {
    sections.push(await runBrowserSection(workspace));
  }
  // --- end web client workload
  // --- forum vote workload: Atelier (when benched) beside a bare Socket.io server, the floor.
  if (config.workloads.includes('forum')) {
    const forumServers = FORUM_SERVERS.filter(
      (kind) => kind !== 'atelier' || config.servers.includes('atelier'),
    );
    for (const participants of config.forumSizes) {
      sections.push(await runForumSection(workspace, participants, forumServers));
    }
  }
  // --- threads on a draft (bench/src/threads): Atelier's editor only.
  if (config.workloads.includes('threads') && config.servers.includes('atelier')) {
    sections.push(await runThreadsSection(workspace, config.threadCounts));
  }

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    machine: { cpus: availableParallelism(), node: process.version },
    servers: config.servers,
    sizes: config.sizes,
    sections,
  };
  const resultsPath = writeResults(report);
  const keptDir = workspace.cleanUp();
  printReport(report, resultsPath, keptDir);
}

main().then(
  () => {
    killAllChildren();
    process.exit(0);
  },
  (error: unknown) => {
    killAllChildren();
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
