import { setTimeout as sleep } from 'node:timers/promises';
import { RawSyncClient } from '../clients/rawSyncClient';
import { wireDialects } from '../clients/wireDialect';
import type { LoadTarget, MarkFn } from '../load/loadProtocol';

export interface ColdLoadParams {
  target: LoadTarget;
  /** Single-character inserts, each sent as its own update message. */
  historyUpdates: number;
  /** Updates sent between two barriers, so the socket buffer stays bounded. */
  updatesPerBarrier: number;
  buildTimeoutMs: number;
  syncTimeoutMs: number;
  /** One fresh-client sync per entry, each after the orchestrator restarts the server its way. */
  measurements: Array<{ label: string; settleAfterMs: number }>;
}

export interface ColdSyncMeasurement {
  label: string;
  restarted: boolean;
  syncMs: number | null;
  textLength: number;
}

export interface ColdLoadResult {
  historyUpdatesSent: number;
  buildMs: number | null;
  measurements: ColdSyncMeasurement[];
}

export interface ColdRestartAck {
  restarted: boolean;
}

/** Builds a document with a long update history through the server, then times cold syncs. */
export async function runColdLoad(params: ColdLoadParams, mark: MarkFn): Promise<ColdLoadResult> {
  const { target } = params;
  const dialect = wireDialects[target.dialect];
  const url = dialect.socketUrl(target.baseUrl, target.docName);

  const builder = new RawSyncClient(url, dialect, target.docName);
  const buildStartedAt = performance.now();
  const buildDeadline = Date.now() + params.buildTimeoutMs;
  let sent = 0;
  let built = (await builder.connectAndSync(params.syncTimeoutMs)) !== null;
  builder.doc.on('update', (update: Uint8Array) => {
    builder.sendUpdate(update);
    sent += 1;
  });
  while (built && sent < params.historyUpdates) {
    const batchEnd = Math.min(params.historyUpdates, sent + params.updatesPerBarrier);
    while (sent < batchEnd) builder.text.insert(builder.text.length, 'x');
    built = (await builder.barrier(buildDeadline - Date.now())) !== null;
  }
  const buildMs = built ? performance.now() - buildStartedAt : null;
  builder.close();
  await mark('built', { buildMs, sent });

  const measurements: ColdSyncMeasurement[] = [];
  for (const { label, settleAfterMs } of params.measurements) {
    const { restarted } = (await mark('restartServer', { label })) as ColdRestartAck;
    if (!restarted) {
      measurements.push({ label, restarted, syncMs: null, textLength: 0 });
      continue;
    }
    const reader = new RawSyncClient(url, dialect, target.docName);
    const syncMs = await reader.connectAndSync(params.syncTimeoutMs);
    measurements.push({ label, restarted, syncMs, textLength: reader.text.length });
    // Stay connected a moment so a server that compacts on load can finish before its restart.
    await sleep(settleAfterMs);
    reader.close();
  }
  return { historyUpdatesSent: sent, buildMs, measurements };
}
