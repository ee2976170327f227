import { connectFullClients } from '../clients/fullClientPool';
import type { LoadTarget, MarkFn } from '../load/loadProtocol';
import { waitFor } from '../load/waiting';

export interface ReconnectStormParams {
  target: LoadTarget;
  clients: number;
  connectConcurrency: number;
  joinTimeoutMs: number;
  resyncTimeoutMs: number;
}

export interface ReconnectStormLoadResult {
  clientsSyncedBefore: number;
  restarted: boolean;
  clientsResynced: number;
  /** Server ready again -> last client synced again (wall clock shared with the orchestrator). */
  resyncAllMs: number | null;
  resyncHalfMs: number | null;
  loadCpuShare: number;
}

export interface StormRestartAck {
  restarted: boolean;
  readyAtEpochMs: number;
}

/**
 * Reconnect storm: stock providers connected to one document; the orchestrator restarts the
 * server; the providers come back on their own (default backoff) and we time their return.
 */
export async function runReconnectStormLoad(
  params: ReconnectStormParams,
  mark: MarkFn,
): Promise<ReconnectStormLoadResult> {
  const clients = await connectFullClients(
    params.target,
    params.clients,
    params.connectConcurrency,
    Date.now() + params.joinTimeoutMs,
  );
  const clientsSyncedBefore = clients.filter((client) => client.isSynced()).length;

  const disconnected = new Set<number>();
  const resyncedAtEpochMs = new Map<number, number>();
  clients.forEach((client, index) => {
    client.onDisconnected(() => disconnected.add(index));
    client.onSynced(() => {
      if (disconnected.has(index) && !resyncedAtEpochMs.has(index)) {
        resyncedAtEpochMs.set(index, Date.now());
      }
    });
  });

  const cpuBefore = process.cpuUsage();
  const stormStartedAt = performance.now();
  const { restarted, readyAtEpochMs } = (await mark('restartServer')) as StormRestartAck;
  if (restarted) {
    await waitFor(() => resyncedAtEpochMs.size >= clients.length, params.resyncTimeoutMs, 100);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const stormMs = performance.now() - stormStartedAt;
  await mark('stormOver');

  const times = [...resyncedAtEpochMs.values()]
    .map((at) => at - readyAtEpochMs)
    .sort((a, b) => a - b);
  const allBack = restarted && times.length === clients.length;
  for (const client of clients) client.destroy();
  return {
    clientsSyncedBefore,
    restarted,
    clientsResynced: times.length,
    resyncAllMs: allBack ? (times.at(-1) ?? null) : null,
    resyncHalfMs: times[Math.floor(clients.length / 2)] ?? null,
    loadCpuShare: (cpu.user + cpu.system) / 1000 / stormMs,
  };
}
