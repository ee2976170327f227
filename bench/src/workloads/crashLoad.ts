import { EditLedger, tokensIn } from '../clients/editLedger';
import { connectFullClients } from '../clients/fullClientPool';
import { Writer } from '../clients/writer';
import type { LoadTarget, MarkFn } from '../load/loadProtocol';
import { waitFor } from '../load/waiting';

export interface CrashParams {
  target: LoadTarget;
  burstEdits: number;
  syncTimeoutMs: number;
  observeTimeoutMs: number;
}

export interface CrashLoadResult {
  editsSent: number;
  editsObservedBeforeKill: number;
  restarted: boolean;
  freshClientSynced: boolean;
  editsRecovered: number;
}

export interface RestartAck {
  restarted: boolean;
}

/**
 * Crash durability: a burst of edits, confirmed by an observer, then the orchestrator SIGKILLs
 * the server and restarts it on the same data; a fresh client counts what survived.
 */
export async function runCrashLoad(params: CrashParams, mark: MarkFn): Promise<CrashLoadResult> {
  const deadline = Date.now() + params.syncTimeoutMs;
  const [writerClient, observer] = await connectFullClients(params.target, 2, 2, deadline);
  if (writerClient === undefined || observer === undefined) throw new Error('no clients');
  if (!writerClient.isSynced() || !observer.isSynced()) throw new Error('clients did not sync');

  const writer = new Writer(writerClient, 0, new EditLedger());
  for (let edit = 0; edit < params.burstEdits; edit += 1) writer.typeOnce();
  const observed = () => tokensIn(observer.text.toString()).length;
  await waitFor(() => observed() >= params.burstEdits, params.observeTimeoutMs);
  const editsObservedBeforeKill = observed();

  await mark('killServer');
  // Gone before the restart, so their reconnects cannot hand the lost edits back to the server.
  writerClient.destroy();
  observer.destroy();
  const { restarted } = (await mark('restartServer')) as RestartAck;
  if (!restarted) {
    return {
      editsSent: writer.editsSent,
      editsObservedBeforeKill,
      restarted,
      freshClientSynced: false,
      editsRecovered: 0,
    };
  }

  const [fresh] = await connectFullClients(params.target, 1, 1, Date.now() + params.syncTimeoutMs);
  const freshClientSynced = fresh?.isSynced() ?? false;
  const editsRecovered = fresh === undefined ? 0 : tokensIn(fresh.text.toString()).length;
  fresh?.destroy();
  return {
    editsSent: writer.editsSent,
    editsObservedBeforeKill,
    restarted,
    freshClientSynced,
    editsRecovered,
  };
}
