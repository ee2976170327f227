/**
 * Port: durable storage of Yjs documents as an append-only log of updates plus, after
 * compaction, one snapshot (a single merged update). The collaboration server depends only
 * on this interface; `main.ts` picks the SQLite or MongoDB adapter once.
 *
 * Sequence numbers (`seq`) order the updates of one document. They are assigned by the store,
 * strictly increase per document, and are never reused, even after compaction.
 */
export interface StoredDocument {
  /** One merged update covering every update with seq <= `snapshotSeq`; null before any compaction. */
  readonly snapshot: Uint8Array | null;
  /** Seq covered by the snapshot (0 when there is none). */
  readonly snapshotSeq: number;
  /** Updates appended after the snapshot, in append order. */
  readonly updates: readonly Uint8Array[];
  /** Seq of the newest update (in the log or in the snapshot); 0 for a document never written. */
  readonly lastSeq: number;
}

export interface DocumentUpdateToAppend {
  readonly docName: string;
  readonly update: Uint8Array;
}

export interface DocumentLogStats {
  /** Updates in the log after the snapshot. */
  readonly updateCount: number;
  /** Total bytes of those updates. */
  readonly updateBytes: number;
}

/**
 * Every method reports failure by rejecting, never by throwing synchronously. A `docName` that
 * is not a non-empty string rejects with a TypeError (names come from the network, and some
 * backends would read an object as a query).
 */
export interface DocumentStore {
  /** Everything stored for a document. An unknown document loads as empty (no snapshot, no updates, lastSeq 0). */
  loadDocument(docName: string): Promise<StoredDocument>;

  /**
   * Appends every update of the batch, possibly across documents, in one durable write
   * (group commit). Resolves only once the whole batch is durable; rejects if none of it is.
   * Returns, per document in the batch, the seq of its last appended update.
   */
  appendUpdates(batch: readonly DocumentUpdateToAppend[]): Promise<ReadonlyMap<string, number>>;

  /**
   * Replaces the snapshot and every logged update with seq <= `throughSeq` by `snapshot`.
   * Crash-safe at every step: a load that runs after a crash at any point sees either the old
   * state or the new one, never less. Updates with seq > `throughSeq` are kept untouched.
   * Idempotent; a `throughSeq` older than the current snapshot is ignored.
   * `throughSeq` must be a seq the caller saw stored (from `appendUpdates` or `loadDocument`)
   * and `snapshot` must contain every update up to it; a `throughSeq` beyond the last assigned
   * seq rejects with a RangeError, and 0 is a no-op.
   */
  compactDocument(docName: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;

  /**
   * Stores `initialUpdate` as the first content of a document that has never been written.
   * Atomic: when several callers race, exactly one seeds and the others get false.
   * The seed gets seq 1. A document removed by `deleteDocument` counts as never written.
   */
  seedDocumentIfEmpty(docName: string, initialUpdate: Uint8Array): Promise<boolean>;

  /** Size of the log after the snapshot, to decide when to compact. */
  logStats(docName: string): Promise<DocumentLogStats>;

  /** Removes a document and its whole history; its seqs start again at 1 if it is written again. */
  deleteDocument(docName: string): Promise<void>;

  /** Flushes and releases the underlying connection or file. Idempotent; later calls reject. */
  close(): Promise<void>;
}
