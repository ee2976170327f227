import type { DocumentStore } from '@atelier/storage';
import type { Logger } from '../logging/logger';
import type { CollabMetrics } from '../metrics/collabMetrics';
import { DocumentRoom } from './documentRoom';
import { docFromStored } from './storedDocument';
import type { DocumentTemplateSource } from './documentTemplateSource';
import { GroupCommitFlusher } from './groupCommitFlusher';

/**
 * The documents held in memory. Loads each one once however many clients arrive together,
 * seeds new ones from their template, compacts logs that grew long, and unloads a document once
 * its last connection has left and everything it received is stored.
 */
/** Told after a document's new updates are durable, e.g. to refresh what lists show of it. */
export type DocumentChangeListener = (
  room: DocumentRoom,
  contributorIds: readonly string[],
) => void;

export class DocumentRegistry {
  private readonly loading = new Map<string, Promise<DocumentRoom>>();
  private readonly loaded = new Map<string, DocumentRoom>();
  readonly flusher: GroupCommitFlusher;

  constructor(
    private readonly store: DocumentStore,
    private readonly templates: DocumentTemplateSource,
    private readonly compactAfterUpdates: number,
    private readonly metrics: CollabMetrics,
    private readonly logger: Logger,
    private readonly onDocumentChanged?: DocumentChangeListener,
  ) {
    this.flusher = new GroupCommitFlusher(
      store,
      { afterFlush: (room, seq) => this.afterFlush(room, seq) },
      metrics,
      logger,
    );
  }

  /**
   * The loaded room for a document; concurrent callers share one load. A room may be unloaded
   * between this promise resolving and its use: callers check `room.isDestroyed` and ask again.
   */
  acquire(docName: string): Promise<DocumentRoom> {
    const room = this.loaded.get(docName);
    if (room) return Promise.resolve(room);
    let loading = this.loading.get(docName);
    if (!loading) {
      loading = this.load(docName).then(
        (loadedRoom) => {
          this.loading.delete(docName);
          this.loaded.set(docName, loadedRoom);
          return loadedRoom;
        },
        (error: unknown) => {
          this.loading.delete(docName);
          throw error;
        },
      );
      this.loading.set(docName, loading);
    }
    return loading;
  }

  /** The room of a document if it is in memory (nobody has it open otherwise). */
  loadedRoom(docName: string): DocumentRoom | undefined {
    return this.loaded.get(docName);
  }

  loadedRooms(): DocumentRoom[] {
    return [...this.loaded.values()];
  }

  private async load(docName: string): Promise<DocumentRoom> {
    const stopTimer = this.metrics.documentLoadSeconds.startTimer();
    let stored = await this.store.loadDocument(docName);
    if (stored.lastSeq === 0) {
      const template = await this.templates.initialContentFor(docName);
      // Whoever wins the seeding race, everyone then loads the same stored content.
      if (template) {
        await this.store.seedDocumentIfEmpty(docName, template);
        stored = await this.store.loadDocument(docName);
      }
    }
    const doc = docFromStored(stored);
    const room = new DocumentRoom(
      docName,
      doc,
      { lastSeq: stored.lastSeq, logLength: stored.updates.length },
      (dirty) => this.flusher.markDirty(dirty),
    );
    this.metrics.documentsLoaded.inc();
    stopTimer();
    if (this.shouldCompact(room)) await this.compact(room);
    return room;
  }

  private async afterFlush(
    room: DocumentRoom,
    appendedThroughSeq: number | undefined,
  ): Promise<void> {
    if (room.storageFailed) {
      this.unload(room);
      return;
    }
    if (appendedThroughSeq !== undefined && this.onDocumentChanged) {
      const contributors = [...room.contributorsSinceLastChange];
      room.contributorsSinceLastChange.clear();
      this.onDocumentChanged(room, contributors);
    }
    if (this.shouldCompact(room) && !room.hasUnpersistedWork) await this.compact(room);
    if (room.isIdle) this.unload(room);
  }

  private shouldCompact(room: DocumentRoom): boolean {
    return this.compactAfterUpdates > 0 && room.logLength >= this.compactAfterUpdates;
  }

  /** Folds the log into one snapshot; the store makes the swap crash-safe. */
  private async compact(room: DocumentRoom): Promise<void> {
    const throughSeq = room.lastSeq;
    const snapshot = room.encodeSnapshot();
    await this.store.compactDocument(room.docName, snapshot, throughSeq);
    room.logLength = 0;
    this.metrics.compactions.inc();
    this.logger.debug(
      { docName: room.docName, throughSeq, bytes: snapshot.byteLength },
      'compacted',
    );
  }

  private unload(room: DocumentRoom): void {
    if (this.loaded.get(room.docName) !== room) return;
    this.loaded.delete(room.docName);
    room.destroy();
    this.metrics.documentsLoaded.dec();
  }
}
