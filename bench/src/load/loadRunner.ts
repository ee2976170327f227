import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { trackChild } from '../servers/childRegistry';
import type { FromLoadMessage, ToLoadMessage, WorkloadName } from './loadProtocol';

/** Core 1: the server under test has core 0. */
export const LOAD_CPU = '1';
/** How long after the load process exits its last IPC messages may still arrive. */
const EXIT_GRACE_MS = 200;
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

export type MarkHandler = (name: string, data: unknown) => Promise<unknown>;

export type LoadOutcome<T> =
  { status: 'ok'; result: T } | { status: 'timeout' | 'failed' | 'aborted'; message: string };

export interface LoadRun {
  workload: WorkloadName;
  params: unknown;
  onMark: MarkHandler;
  timeoutMs: number;
  /** Resolves when the run must stop early, e.g. the server under test died. */
  abortWhen?: Promise<string>;
}

/**
 * Starts a load generator process pinned to its own core, runs one workload in it, answers its
 * marks, and always ends it: result, failure, timeout or abort.
 */
export function runLoad<T>(run: LoadRun): Promise<LoadOutcome<T>> {
  const child = spawn(
    'taskset',
    ['-c', LOAD_CPU, process.execPath, '--import', 'tsx', 'src/load/loadProcess.ts'],
    // stdio 'ipc' gives node an IPC channel on fd 3; taskset execs node with fds and env intact.
    { cwd: BENCH_DIR, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  trackChild(child);

  return new Promise<LoadOutcome<T>>((resolve) => {
    let settled = false;
    const finish = (outcome: LoadOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ status: 'timeout', message: `${run.workload} exceeded ${run.timeoutMs} ms` }),
      run.timeoutMs,
    );
    void run.abortWhen?.then((message) => finish({ status: 'aborted', message }));

    child.on('message', (message: FromLoadMessage) => {
      if (message.type === 'result') finish({ status: 'ok', result: message.result as T });
      else if (message.type === 'failed') finish({ status: 'failed', message: message.message });
      else
        void run.onMark(message.name, message.data).then(
          (data) => {
            if (!settled && child.connected) {
              const ack: ToLoadMessage = {
                type: 'ack',
                markId: message.markId,
                data: data ?? null,
              };
              child.send(ack);
            }
          },
          (error: unknown) =>
            finish({ status: 'failed', message: `mark ${message.name}: ${String(error)}` }),
        );
    });
    child.once('exit', (code, signal) => {
      // Give a result that was sent just before exiting time to be delivered first.
      setTimeout(
        () => finish({ status: 'failed', message: `load process exited (${signal ?? code})` }),
        EXIT_GRACE_MS,
      );
    });
    child.once('spawn', () => {
      const command: ToLoadMessage = { type: 'run', workload: run.workload, params: run.params };
      child.send(command);
    });
  });
}
