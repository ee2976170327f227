import { setTimeout as sleep } from 'node:timers/promises';
import { startAudienceRenewal } from '../clients/audienceRenewal';
import { AudienceSocket } from '../clients/audienceSocket';
import { snapshotDelivery } from '../clients/deliveryCounter';
import { EditLedger } from '../clients/editLedger';
import { connectFullClients } from '../clients/fullClientPool';
import { Probe } from '../clients/probe';
import { describeServerCloses } from '../clients/serverCloses';
import { wireDialects } from '../clients/wireDialect';
import { Writer } from '../clients/writer';
import type { LoadTarget, MarkFn } from '../load/loadProtocol';
import { forEachLimited, waitFor, withTimeout } from '../load/waiting';
import { percentile } from '../measure/percentiles';

export interface FanoutParams {
  target: LoadTarget;
  clients: number;
  writers: number;
  probes: number;
  editIntervalMs: number;
  joinTimeoutMs: number;
  /** Pause after the joins so the server's RSS reflects idle connections, not join garbage. */
  idleSettleMs: number;
  warmupMs: number;
  measureMs: number;
  /** After the writers stop: how long every edit may take to reach every probe and writer. */
  settleTimeoutMs: number;
  connectConcurrency: number;
}

export interface FanoutLoadResult {
  joinMs: number | null;
  clientsSynced: number;
  clientsRequested: number;
  editsSentInWindow: number;
  achievedEditsPerS: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  deliveredRatio: number | null;
  converged: boolean;
  convergeMs: number | null;
  windowMs: number;
  framesDeliveredInWindow: number;
  bytesDeliveredInWindow: number;
  /** Connections the server closed during the run, with their close codes. */
  serverCloses: string;
  /** Share of one core the load generator used in the window; near 1 means it was the bottleneck. */
  loadCpuShareInWindow: number;
}

/**
 * The fan-out workload: an audience of raw sockets joins first, then the writers, then the
 * probes; writers type for warm-up + window; probes time every edit sent inside the window.
 */
export async function runFanoutLoad(params: FanoutParams, mark: MarkFn): Promise<FanoutLoadResult> {
  const { target } = params;
  const dialect = wireDialects[target.dialect];
  const audienceCount = Math.max(0, params.clients - params.writers - params.probes);
  const ledger = new EditLedger();

  await mark('joinStart');
  const joinStartedAt = performance.now();
  const joinDeadline = Date.now() + params.joinTimeoutMs;
  const audience: AudienceSocket[] = [];
  const audienceUrl = dialect.socketUrl(target.baseUrl, target.docName);
  await forEachLimited(audienceCount, params.connectConcurrency, joinDeadline, async () => {
    const socket = new AudienceSocket(audienceUrl, dialect, target.docName);
    audience.push(socket);
    await withTimeout(socket.whenSynced(), joinDeadline - Date.now(), false);
  });
  const stopRenewal = startAudienceRenewal(audience);

  const writerClients = await connectFullClients(
    target,
    params.writers,
    params.writers,
    joinDeadline,
  );
  const writers = writerClients.map((client, index) => new Writer(client, index, ledger));
  const probeClients = await connectFullClients(target, params.probes, params.probes, joinDeadline);
  const probes = probeClients.map((client) => new Probe(client, ledger));
  const fullClients = [...writerClients, ...probeClients];

  const syncedCount = () =>
    audience.filter((socket) => socket.isSynced).length +
    fullClients.filter((client) => client.isSynced()).length;
  const allJoined = syncedCount() === params.clients;
  const joinMs = allJoined ? performance.now() - joinStartedAt : null;
  const clientsSynced = syncedCount();
  await mark('joined', { joinMs, clientsSynced });

  await sleep(params.idleSettleMs);
  await mark('idle');

  for (const writer of writers) writer.startTyping(params.editIntervalMs);
  await sleep(params.warmupMs);

  await mark('measureStart');
  const deliveredBefore = snapshotDelivery();
  const cpuBefore = process.cpuUsage();
  const windowStartedAt = performance.now();
  const editsBefore = ledger.sentCount;
  ledger.setMeasuring(true);
  await sleep(params.measureMs);
  ledger.setMeasuring(false);
  const windowMs = performance.now() - windowStartedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const deliveredAfter = snapshotDelivery();
  const editsInWindow = ledger.sentCount - editsBefore;
  await mark('measureEnd');

  for (const writer of writers) writer.stopTyping();
  const settleStartedAt = performance.now();
  const measured = ledger.measuredTokens();
  const texts = () => fullClients.map((client) => client.text.toString());
  const settled = () => {
    if (probes.some((probe) => probe.measuredLatencyMs.size < measured.length)) return false;
    const [first, ...rest] = texts();
    return rest.every((text) => text === first);
  };
  const converged = await waitFor(settled, params.settleTimeoutMs, 100);
  const convergeMs = converged ? performance.now() - settleStartedAt : null;

  // An edit a probe never saw counts as infinitely late, so heavy loss shows up in p99.
  const latencies = probes.flatMap((probe) =>
    measured.map((token) => probe.measuredLatencyMs.get(token) ?? Infinity),
  );
  const delivered = latencies.filter(Number.isFinite).length;

  const serverCloses = describeServerCloses();
  stopRenewal();
  for (const socket of audience) socket.close();
  for (const client of fullClients) client.destroy();

  return {
    joinMs,
    clientsSynced,
    clientsRequested: params.clients,
    editsSentInWindow: measured.length,
    achievedEditsPerS: (editsInWindow / windowMs) * 1000,
    latencyP50Ms: finiteOrNull(percentile(latencies, 50)),
    latencyP99Ms: finiteOrNull(percentile(latencies, 99)),
    deliveredRatio: latencies.length === 0 ? null : delivered / latencies.length,
    converged,
    convergeMs,
    windowMs,
    framesDeliveredInWindow: deliveredAfter.frames - deliveredBefore.frames,
    bytesDeliveredInWindow: deliveredAfter.bytes - deliveredBefore.bytes,
    serverCloses,
    loadCpuShareInWindow: (cpu.user + cpu.system) / 1000 / windowMs,
  };
}

/** JSON has no Infinity: a percentile that fell on a lost edit becomes null ("lost"). */
function finiteOrNull(value: number | null) {
  return value !== null && Number.isFinite(value) ? value : null;
}
