import type { WireDialectName } from '../clients/wireDialect';

/** Which document on which server a workload drives. */
export interface LoadTarget {
  dialect: WireDialectName;
  baseUrl: string;
  docName: string;
}

export type WorkloadName = 'fanout' | 'crash' | 'coldLoad' | 'reconnectStorm' | 'forumVotes';

/** Orchestrator -> load process. */
export type ToLoadMessage =
  | { type: 'run'; workload: WorkloadName; params: unknown }
  | { type: 'ack'; markId: number; data: unknown };

/**
 * Load process -> orchestrator. A mark tells the orchestrator a workload reached a point where
 * it must act (sample the server's CPU, kill or restart it); the workload waits for the ack.
 */
export type FromLoadMessage =
  | { type: 'mark'; markId: number; name: string; data: unknown }
  | { type: 'result'; result: unknown }
  | { type: 'failed'; message: string };

/** How a workload reports a mark and waits until the orchestrator has acted on it. */
export type MarkFn = (name: string, data?: unknown) => Promise<unknown>;
