import type { LoadOutcome } from '../load/loadRunner';
import type { ProcessSample } from '../measure/procStats';
import { printProgress } from '../report/printReport';
import { allMetrics, type MetricDefinition, type MetricValues } from '../report/results';
import type { BenchWorkspace, ServerLaunch } from '../servers/benchWorkspace';
import type { ServerProcess } from '../servers/serverProcess';
import type { ServerName } from '../servers/serverSpecs';

/** Slack on top of a workload's own phase timeouts before the whole load process is killed. */
const LOAD_SLACK_MS = 30_000;

export function loadTimeoutMs(...phaseTimeoutsMs: number[]): number {
  return phaseTimeoutsMs.reduce((sum, ms) => sum + ms, LOAD_SLACK_MS);
}

/**
 * Resolves with a reason when the server exits without being asked to, which ends the load run;
 * never resolves for an exit we caused (stop, kill, restart).
 */
export function serverAbort(server: ServerProcess): Promise<string> {
  return server.exited.then(() =>
    server.crashed
      ? `server exited (${server.exitDescription})`
      : new Promise<string>(() => undefined),
  );
}

/**
 * Starts the server a run measures. When it cannot start, the run is over: every metric of the
 * section reports why, and the workspace notes the failure.
 */
export async function startServerForRun(
  workspace: BenchWorkspace,
  serverName: ServerName,
  metrics: readonly MetricDefinition[],
  launch?: ServerLaunch,
): Promise<{ server: ServerProcess } | { failed: MetricValues }> {
  try {
    return { server: await workspace.startServer(serverName, launch) };
  } catch (error) {
    workspace.noteFailure();
    return { failed: allMetrics(metrics, describeStartFailure(error)) };
  }
}

/**
 * Ends a load run against one server: samples it a last time, stops it, and turns a crash or an
 * unfinished run into every metric saying so (the workspace notes the failure). With
 * `failureLabel`, an unfinished run's reason is printed too.
 */
export async function stopServerAfterLoad<T>(
  workspace: BenchWorkspace,
  server: ServerProcess,
  outcome: LoadOutcome<T>,
  metrics: readonly MetricDefinition[],
  failureLabel?: string,
): Promise<{ result: T; finalSample: ProcessSample | null } | { failed: MetricValues }> {
  const finalSample = server.sample();
  const crashed = server.crashed;
  const exit = server.exitDescription;
  await server.stop();

  if (crashed) {
    workspace.noteFailure();
    return { failed: allMetrics(metrics, `crashed (${exit})`) };
  }
  if (outcome.status !== 'ok') {
    workspace.noteFailure();
    if (failureLabel !== undefined) {
      printProgress(`${failureLabel} ${outcome.status}: ${outcome.message}`);
    }
    return { failed: allMetrics(metrics, outcome.status) };
  }
  return { result: outcome.result, finalSample };
}

export function describeStartFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes('not ready') ? 'start timeout' : 'failed to start';
}

/** Watches every server instance of a run that restarts its server; fires on the first crash. */
export class CrashWatch {
  private report: (reason: string) => void = () => undefined;
  readonly crashed = new Promise<string>((resolve) => {
    this.report = resolve;
  });

  watch(server: ServerProcess): void {
    void serverAbort(server).then(this.report);
  }
}
