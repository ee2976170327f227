import type { Database, Statement, Transaction } from 'better-sqlite3';
import type {
  DocumentLogStats,
  DocumentStore,
  DocumentUpdateToAppend,
  StoredDocument,
} from '../documentStore';
import { assertBatch, assertBytes, assertDocName, assertSeq } from '../validateArguments';
import { closeSqliteDatabase, openSqliteDatabase } from './openSqliteDatabase';
import type { SqliteDatabaseOptions } from './openSqliteDatabase';

export type SqliteDocumentStoreOptions = SqliteDatabaseOptions;

/**
 * Opens a document store on a SQLite file (created with its parent directory when missing).
 * Every write is one IMMEDIATE transaction; durability follows `options.synchronous`.
 */
export async function openSqliteDocumentStore(
  options: SqliteDocumentStoreOptions,
): Promise<DocumentStore> {
  const db = openSqliteDatabase(options);
  return createSqliteDocumentStore(db, () => closeSqliteDatabase(db));
}

/**
 * A document store on an already open and migrated handle, for compositions that share one
 * handle between stores. `release` runs once, on the first `close()`; a store that does not
 * own the handle passes a no-op, and its `close()` then only makes later calls reject.
 */
export function createSqliteDocumentStore(db: Database, release: () => void): DocumentStore {
  return new SqliteDocumentStore(db, release);
}

interface SnapshotRow {
  readonly snapshotSeq: number;
  readonly data: Buffer;
}

interface LogStatsRow {
  readonly updateCount: number;
  readonly updateBytes: number;
}

/**
 * better-sqlite3 is synchronous, so each method finishes its work before returning; methods
 * are `async` only so that failures surface as rejections, as the port promises.
 */
class SqliteDocumentStore implements DocumentStore {
  private closed = false;
  private readonly selectLastSeq: Statement<[string], number>;
  private readonly selectSnapshot: Statement<[string], SnapshotRow>;
  private readonly selectUpdatesAfter: Statement<[string, number], Buffer>;
  private readonly selectLogStats: Statement<[string, string], LogStatsRow>;
  private readonly reserveNextSeq: Statement<[string], number>;
  private readonly insertFirstHead: Statement<[string]>;
  private readonly insertUpdate: Statement<[string, number, Uint8Array, number]>;
  private readonly upsertNewerSnapshot: Statement<[string, number, Uint8Array, number]>;
  private readonly deleteUpdatesThrough: Statement<[string, number]>;
  private readonly deleteAllUpdates: Statement<[string]>;
  private readonly deleteSnapshot: Statement<[string]>;
  private readonly deleteHead: Statement<[string]>;
  private readonly readDocument: Transaction<(docName: string) => StoredDocument>;
  private readonly writeBatch: Transaction<
    (batch: readonly DocumentUpdateToAppend[]) => Map<string, number>
  >;
  private readonly replaceLogBySnapshot: Transaction<
    (docName: string, snapshot: Uint8Array, throughSeq: number) => void
  >;
  private readonly seedIfNeverWritten: Transaction<
    (docName: string, initialUpdate: Uint8Array) => boolean
  >;
  private readonly deleteEverything: Transaction<(docName: string) => void>;

  constructor(
    db: Database,
    private readonly release: () => void,
  ) {
    this.selectLastSeq = db
      .prepare<[string], number>('SELECT last_seq FROM doc_heads WHERE doc_name = ?')
      .pluck();
    this.selectSnapshot = db.prepare<[string], SnapshotRow>(
      'SELECT snapshot_seq AS snapshotSeq, data FROM doc_snapshots WHERE doc_name = ?',
    );
    this.selectUpdatesAfter = db
      .prepare<[string, number], Buffer>(
        'SELECT data FROM doc_updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
      )
      .pluck();
    // Counts only rows after the snapshot, like loadDocument, so both agree on what "the log" is.
    this.selectLogStats = db.prepare<[string, string], LogStatsRow>(`
      SELECT COUNT(*) AS updateCount, COALESCE(SUM(length(data)), 0) AS updateBytes
      FROM doc_updates
      WHERE doc_name = ?
        AND seq > COALESCE((SELECT snapshot_seq FROM doc_snapshots WHERE doc_name = ?), 0)
    `);
    this.reserveNextSeq = db
      .prepare<[string], number>(
        `INSERT INTO doc_heads (doc_name, last_seq) VALUES (?, 1)
         ON CONFLICT (doc_name) DO UPDATE SET last_seq = last_seq + 1
         RETURNING last_seq`,
      )
      .pluck();
    this.insertFirstHead = db.prepare<[string]>(
      'INSERT INTO doc_heads (doc_name, last_seq) VALUES (?, 1) ON CONFLICT (doc_name) DO NOTHING',
    );
    this.insertUpdate = db.prepare<[string, number, Uint8Array, number]>(
      'INSERT INTO doc_updates (doc_name, seq, data, created_at_ms) VALUES (?, ?, ?, ?)',
    );
    this.upsertNewerSnapshot = db.prepare<[string, number, Uint8Array, number]>(`
      INSERT INTO doc_snapshots (doc_name, snapshot_seq, data, updated_at_ms) VALUES (?, ?, ?, ?)
      ON CONFLICT (doc_name) DO UPDATE SET
        snapshot_seq = excluded.snapshot_seq,
        data = excluded.data,
        updated_at_ms = excluded.updated_at_ms
      WHERE excluded.snapshot_seq > doc_snapshots.snapshot_seq
    `);
    this.deleteUpdatesThrough = db.prepare<[string, number]>(
      'DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?',
    );
    this.deleteAllUpdates = db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_name = ?');
    this.deleteSnapshot = db.prepare<[string]>('DELETE FROM doc_snapshots WHERE doc_name = ?');
    this.deleteHead = db.prepare<[string]>('DELETE FROM doc_heads WHERE doc_name = ?');

    // Write transactions start IMMEDIATE (take the write lock up front): a deferred one that
    // reads first could fail to upgrade with SQLITE_BUSY, which busy_timeout cannot wait out.
    this.readDocument = db.transaction((docName: string): StoredDocument => {
      // One read transaction, so another connection's compaction cannot land between the reads.
      const snapshotRow = this.selectSnapshot.get(docName);
      const snapshotSeq = snapshotRow?.snapshotSeq ?? 0;
      return {
        snapshot: snapshotRow ? toUint8Array(snapshotRow.data) : null,
        snapshotSeq,
        updates: this.selectUpdatesAfter.all(docName, snapshotSeq).map(toUint8Array),
        lastSeq: this.selectLastSeq.get(docName) ?? 0,
      };
    });

    // One transaction for the whole batch: a single WAL commit (and fsync under 'full').
    this.writeBatch = db.transaction((batch: readonly DocumentUpdateToAppend[]) => {
      const lastSeqByDoc = new Map<string, number>();
      const nowMs = Date.now();
      for (const { docName, update } of batch) {
        const seq = this.reserveNextSeq.get(docName);
        if (seq === undefined) throw new Error(`no seq reserved for document ${docName}`);
        this.insertUpdate.run(docName, seq, update, nowMs);
        lastSeqByDoc.set(docName, seq);
      }
      return lastSeqByDoc;
    });

    this.replaceLogBySnapshot = db.transaction(
      (docName: string, snapshot: Uint8Array, throughSeq: number) => {
        const lastSeq = this.selectLastSeq.get(docName) ?? 0;
        if (throughSeq > lastSeq) {
          // A snapshot claiming seqs not yet assigned would hide the updates that later get them.
          throw new RangeError(
            `throughSeq ${throughSeq} is beyond the last seq ${lastSeq} of document ${docName}`,
          );
        }
        // A stale throughSeq leaves the newer snapshot in place (the WHERE of the upsert); the
        // delete is then harmless because that newer snapshot already covers those rows.
        this.upsertNewerSnapshot.run(docName, throughSeq, snapshot, Date.now());
        this.deleteUpdatesThrough.run(docName, throughSeq);
      },
    );

    this.seedIfNeverWritten = db.transaction((docName: string, initialUpdate: Uint8Array) => {
      // A head row exists as soon as anything was ever appended, so claiming it decides the race.
      if (this.insertFirstHead.run(docName).changes === 0) return false;
      this.insertUpdate.run(docName, 1, initialUpdate, Date.now());
      return true;
    });

    // The head goes too: a document created again under the same name starts over at seq 1.
    this.deleteEverything = db.transaction((docName: string) => {
      this.deleteAllUpdates.run(docName);
      this.deleteSnapshot.run(docName);
      this.deleteHead.run(docName);
    });
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    this.assertOpen();
    assertDocName(docName);
    return this.readDocument(docName);
  }

  async appendUpdates(
    batch: readonly DocumentUpdateToAppend[],
  ): Promise<ReadonlyMap<string, number>> {
    this.assertOpen();
    assertBatch(batch);
    if (batch.length === 0) return new Map();
    return this.writeBatch.immediate(batch);
  }

  async compactDocument(docName: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.assertOpen();
    assertDocName(docName);
    assertBytes(snapshot, 'snapshot');
    assertSeq(throughSeq, 'throughSeq');
    if (throughSeq === 0) return;
    this.replaceLogBySnapshot.immediate(docName, snapshot, throughSeq);
  }

  async seedDocumentIfEmpty(docName: string, initialUpdate: Uint8Array): Promise<boolean> {
    this.assertOpen();
    assertDocName(docName);
    assertBytes(initialUpdate, 'initialUpdate');
    return this.seedIfNeverWritten.immediate(docName, initialUpdate);
  }

  async logStats(docName: string): Promise<DocumentLogStats> {
    this.assertOpen();
    assertDocName(docName);
    const row = this.selectLogStats.get(docName, docName);
    return { updateCount: row?.updateCount ?? 0, updateBytes: row?.updateBytes ?? 0 };
  }

  async deleteDocument(docName: string): Promise<void> {
    this.assertOpen();
    assertDocName(docName);
    this.deleteEverything.immediate(docName);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.release();
  }

  /** A shared handle stays open after this store closes; its statements must still refuse. */
  private assertOpen(): void {
    if (this.closed) throw new Error('SQLite document store is closed');
  }
}

/** Returns a plain Uint8Array view, so callers never depend on Buffer-only behaviour. */
function toUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
