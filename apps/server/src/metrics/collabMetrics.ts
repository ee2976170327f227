import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What the collaboration server counts, exposed as Prometheus text on `GET /metrics`.
 * One registry per server instance, so tests can run several servers in one process.
 */
export interface CollabMetrics {
  readonly registry: Registry;
  readonly connections: Gauge;
  readonly documentsLoaded: Gauge;
  readonly updatesApplied: Counter;
  readonly bytesReceived: Counter;
  readonly bytesSent: Counter;
  readonly messagesSent: Counter;
  readonly rejectedMessages: Counter<'reason'>;
  readonly closedConnections: Counter<'code'>;
  readonly persistLatencySeconds: Histogram;
  readonly persistBatchUpdates: Histogram;
  readonly documentLoadSeconds: Histogram;
  readonly compactions: Counter;
}

export function createCollabMetrics(): CollabMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: 'atelier_collab_connections',
      help: 'Open WebSocket connections on /collab',
      registers,
    }),
    documentsLoaded: new Gauge({
      name: 'atelier_collab_documents_loaded',
      help: 'Documents held in memory',
      registers,
    }),
    updatesApplied: new Counter({
      name: 'atelier_collab_updates_total',
      help: 'Client updates applied and stored (rate() gives updates per second)',
      registers,
    }),
    bytesReceived: new Counter({
      name: 'atelier_collab_received_bytes_total',
      help: 'Bytes received on /collab',
      registers,
    }),
    bytesSent: new Counter({
      name: 'atelier_collab_sent_bytes_total',
      help: 'Bytes sent on /collab',
      registers,
    }),
    messagesSent: new Counter({
      name: 'atelier_collab_sent_messages_total',
      help: 'Frames sent on /collab',
      registers,
    }),
    rejectedMessages: new Counter({
      name: 'atelier_collab_rejected_messages_total',
      help: 'Client messages refused, by reason',
      labelNames: ['reason'],
      registers,
    }),
    closedConnections: new Counter({
      name: 'atelier_collab_closed_connections_total',
      help: 'Connections closed by the server, by close code',
      labelNames: ['code'],
      registers,
    }),
    persistLatencySeconds: new Histogram({
      name: 'atelier_collab_persist_seconds',
      help: 'Time to make one group-commit batch durable',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    persistBatchUpdates: new Histogram({
      name: 'atelier_collab_persist_batch_updates',
      help: 'Updates made durable by one group-commit write',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers,
    }),
    documentLoadSeconds: new Histogram({
      name: 'atelier_collab_document_load_seconds',
      help: 'Time to load a document from storage',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      registers,
    }),
    compactions: new Counter({
      name: 'atelier_collab_compactions_total',
      help: 'Document logs compacted into a snapshot',
      registers,
    }),
  };
}
