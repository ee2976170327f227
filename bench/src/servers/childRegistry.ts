import type { ChildProcess } from 'node:child_process';

/**
 * Every child this run started, so none outlives the benchmark: on normal exit, on an uncaught
 * error and on Ctrl-C each one still alive gets SIGKILL (by its own pid, nothing broader).
 */
const liveChildren = new Set<ChildProcess>();

export function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

export function killAllChildren(): void {
  for (const child of liveChildren) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  liveChildren.clear();
}

let installed = false;

export function killChildrenOnExit(): void {
  if (installed) return;
  installed = true;
  process.once('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}
