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
export class GroupCommitFlusher {
  private readonly dirtyRooms = new Set<DocumentRoom>();
  private scheduled = false;
  private running: Promise<void> | null = null;

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
    // setImmediate, not a timer: everything already read from the sockets in this turn of the
    // event loop joins the batch, and under load the batches grow on their own.
    setImmediate(() => void this.flushNow());
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

    for (const batch of batches) {
      const room = batch.room;
      if (failed && batch.updates.length > 0) {
        room.failStorage();
      } else {
        const sent = room.publish(batch);
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
  }
}
