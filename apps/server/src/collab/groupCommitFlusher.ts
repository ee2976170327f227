import type { DocumentStore, DocumentUpdateToAppend } from '@atelier/storage';
import type { Logger } from '../logging/logger';
import type { CollabMetrics } from '../metrics/collabMetrics';
import type { DocumentRoom, RoomFlushBatch } from './documentRoom';

export interface FlushListener {
  /** Called after a room's batch is durable and published (or failed), e.g. to compact or unload. */
  afterFlush(room: DocumentRoom, appendedThroughSeq: number | undefined): Promise<void> | void;
}

/**
 * Group commit across every document: whatever arrives while the previous write is in flight is
 * written together in the next one, so one durable write serves every edit of that window, and
 * fan-out is batched the same way (one merged frame per room per flush). Nothing is sent to any
 * client before the write that contains it has completed.
 */
/**
 * Share of the event loop that fan-out may take when it is busy. Writing one flush to thousands
 * of sockets takes milliseconds; without a pause, a burst of incoming messages (a forum's
 * audience renewing its presence together) would chain flush after flush while the sockets'
 * incoming edits wait unread. Resting as long as the last flush took keeps half the loop for
 * reading, and each later flush simply carries more (latency stays about twice a flush).
 */
const FANOUT_DUTY_CYCLE = 0.5;
/** Below this a rest is not worth a timer; the next turn of the loop is soon enough. */
const MIN_REST_MS = 1;

export class GroupCommitFlusher {
  private readonly dirtyRooms = new Set<DocumentRoom>();
  private scheduled = false;
  private running: Promise<void> | null = null;
  private restMs = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly listener: FlushListener,
    private readonly metrics: CollabMetrics,
    private readonly logger: Logger,
  ) {}

  markDirty(room: DocumentRoom): void {
    this.dirtyRooms.add(room);
    this.schedule();
  }

  /** Resolves once everything marked dirty so far has been written and published. */
  async drain(): Promise<void> {
    while (this.running || this.dirtyRooms.size > 0 || this.scheduled) {
      if (this.running) await this.running;
      else await this.flushNow();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // setImmediate, not a timer, when idle: everything already read from the sockets in this turn
    // of the event loop joins the batch. After a long flush, rest first (see FANOUT_DUTY_CYCLE).
    if (this.restMs < MIN_REST_MS) setImmediate(() => void this.flushNow());
    else setTimeout(() => void this.flushNow(), this.restMs);
  }

  private flushNow(): Promise<void> {
    if (this.running) return this.running;
    this.scheduled = false;
    this.running = this.flushOnce().finally(() => {
      this.running = null;
      if (this.dirtyRooms.size > 0) this.schedule();
    });
    return this.running;
  }

  private async flushOnce(): Promise<void> {
    const batches: RoomFlushBatch[] = [];
    for (const room of this.dirtyRooms) batches.push(room.takeFlushBatch());
    this.dirtyRooms.clear();

    const toAppend: DocumentUpdateToAppend[] = [];
    for (const batch of batches) {
      for (const update of batch.updates) toAppend.push({ docName: batch.room.docName, update });
    }

    let appendedSeqs: ReadonlyMap<string, number> = new Map();
    let failed = false;
    if (toAppend.length > 0) {
      const stopTimer = this.metrics.persistLatencySeconds.startTimer();
      try {
        appendedSeqs = await this.store.appendUpdates(toAppend);
        this.metrics.updatesApplied.inc(toAppend.length);
        this.metrics.persistBatchUpdates.observe(toAppend.length);
      } catch (error) {
        failed = true;
        this.logger.error({ err: error, updates: toAppend.length }, 'group commit failed');
      } finally {
        stopTimer();
      }
    }

    let publishMs = 0;
    for (const batch of batches) {
      const room = batch.room;
      if (failed && batch.updates.length > 0) {
        room.failStorage();
      } else {
        const startedMs = performance.now();
        const sent = room.publish(batch);
        publishMs += performance.now() - startedMs;
        this.metrics.messagesSent.inc(sent.messages);
        this.metrics.bytesSent.inc(sent.bytes);
      }
      const seq = appendedSeqs.get(room.docName);
      if (seq !== undefined) {
        room.lastSeq = seq;
        room.logLength += batch.updates.length;
      }
      try {
        await this.listener.afterFlush(room, seq);
      } catch (error) {
        this.logger.error({ err: error, docName: room.docName }, 'after-flush step failed');
      }
    }
    this.restMs = (publishMs * (1 - FANOUT_DUTY_CYCLE)) / FANOUT_DUTY_CYCLE;
  }
}
