import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { trackChild } from '../servers/childRegistry';
import { SERVER_CPU } from '../servers/serverProcess';
import type { LoadOutcome } from './loadRunner';
import type { FromLoadMessage } from './loadProtocol';

const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** After SIGTERM (Playwright then closes Chromium itself), how long before SIGKILL. */
const TERMINATE_GRACE_MS = 5_000;
/** How long after the process exits its last IPC messages may still arrive. */
const EXIT_GRACE_MS = 200;

export interface SideProcessRun {
  /** Entry file, relative to bench/, that calls serveSideProcess. */
  entry: string;
  params: unknown;
  /** Names the process in failure messages, e.g. 'browser side'. */
  name: string;
  timeoutMs: number;
  timeoutMessage: string;
  /** Resolves when the run must stop early, e.g. the server under test died. */
  abortWhen: Promise<string>;
}

/**
 * Runs a browser-driving side process on the server's core (its driver and helpers stand in for
 * other people's machines; Chromium, which it pins to the load core, stays alone there), and
 * always ends it: result, failure, timeout or abort.
 */
export function runSideProcess<T>(run: SideProcessRun): Promise<LoadOutcome<T>> {
  const child = spawn(
    'taskset',
    ['-c', SERVER_CPU, process.execPath, '--import', 'tsx', run.entry, JSON.stringify(run.params)],
    { cwd: BENCH_DIR, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  trackChild(child);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: LoadOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }, TERMINATE_GRACE_MS).unref();
      }
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ status: 'timeout', message: run.timeoutMessage }),
      run.timeoutMs,
    );
    void run.abortWhen.then((message) => finish({ status: 'aborted', message }));
    child.on('message', (message: FromLoadMessage) => {
      if (message.type === 'result') {
        finish({ status: 'ok', result: message.result as T });
      } else if (message.type === 'failed') {
        finish({ status: 'failed', message: message.message });
      }
    });
    child.once('exit', (code, signal) => {
      // Give a result that was sent just before exiting time to be delivered first.
      setTimeout(
        () => finish({ status: 'failed', message: `${run.name} exited (${signal ?? code})` }),
        EXIT_GRACE_MS,
      );
    });
  });
}
