import type { FromLoadMessage } from './loadProtocol';

function send(entryName: string, message: FromLoadMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) throw new Error(`${entryName} must run with an IPC channel`);
    process.send(message, undefined, {}, () => resolve());
  });
}

/**
 * The child side of runSideProcess: reads its params from argv, runs once, sends the result (or
 * the failure) over IPC and exits without waiting for timers the run may have left behind.
 */
export async function serveSideProcess<P, R>(
  entryName: string,
  run: (params: P) => Promise<R>,
): Promise<never> {
  try {
    const params = JSON.parse(process.argv[2] ?? '') as P;
    await send(entryName, { type: 'result', result: await run(params) });
  } catch (error) {
    await send(entryName, {
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  process.exit(0);
}
