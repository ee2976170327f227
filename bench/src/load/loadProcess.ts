/**
 * Entry of the load generator child process (pinned to its own core by the orchestrator).
 * Runs exactly one workload, reporting marks over IPC, then sends its result and exits.
 */
import { runCrashLoad } from '../workloads/crashLoad';
import { runColdLoad } from '../workloads/coldLoadLoad';
import { runFanoutLoad } from '../workloads/fanoutLoad';
import { runForumVotesLoad } from '../workloads/forumVotesLoad';
import { runReconnectStormLoad } from '../workloads/reconnectStormLoad';
import type { FromLoadMessage, MarkFn, ToLoadMessage, WorkloadName } from './loadProtocol';

type WorkloadRunner = (params: never, mark: MarkFn) => Promise<unknown>;

const workloads: Record<WorkloadName, WorkloadRunner> = {
  fanout: runFanoutLoad,
  crash: runCrashLoad,
  coldLoad: runColdLoad,
  reconnectStorm: runReconnectStormLoad,
  forumVotes: runForumVotesLoad,
};

// Every y-websocket provider adds its own process 'exit' listener; a thousand of them are expected here.
process.setMaxListeners(0);

const pendingAcks = new Map<number, (data: unknown) => void>();
let nextMarkId = 1;

function send(message: FromLoadMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) throw new Error('loadProcess must run with an IPC channel');
    process.send(message, undefined, {}, () => resolve());
  });
}

const mark: MarkFn = (name, data) => {
  const markId = nextMarkId++;
  return new Promise((resolve) => {
    pendingAcks.set(markId, resolve);
    void send({ type: 'mark', markId, name, data: data ?? null });
  });
};

async function run(workload: WorkloadName, params: unknown) {
  try {
    const result = await workloads[workload](params as never, mark);
    await send({ type: 'result', result });
  } catch (error) {
    await send({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  // Providers keep reconnect timers alive; the result is out, so leave without waiting for them.
  process.exit(0);
}

process.on('message', (message: ToLoadMessage) => {
  if (message.type === 'run') void run(message.workload, message.params);
  else pendingAcks.get(message.markId)?.(message.data);
});

// The orchestrator went away (crash or Ctrl-C): nothing left to report to.
process.on('disconnect', () => process.exit(1));
