import type { Binary } from 'mongodb';
import { loadMongoDriver, mongoDriver } from './mongoDriver';
import type {
  DocumentLogStats,
  DocumentStore,
  DocumentUpdateToAppend,
  StoredDocument,
} from '../documentStore';
import { assertBatch, assertBytes, assertDocName, assertSeq } from '../validateArguments';
import { createDocumentIndexes, documentCollections } from './mongoCollections';
import type { DocumentCollections, UpdateRecord } from './mongoCollections';
import { isDuplicateKeyError } from './isDuplicateKeyError';

export interface MongoDocumentStoreOptions {
  /**
   * Standard connection string to MongoDB 4.4 or newer ($binarySize in logStats). A replica set
   * is recommended: majority writes then survive the loss of a node.
   */
  readonly uri: string;
  /** Defaults to the database named in `uri` (the driver falls back to `test` when it names none). */
  readonly dbName?: string;
}

/**
 * A load retries when a compaction replaced the snapshot while it was reading the log; more
 * than a few in a row means something compacts far too often.
 */
const MAX_LOAD_ATTEMPTS = 5;

/** Connects, makes sure the indexes exist, and returns the store. */
export async function openMongoDocumentStore({
  uri,
  dbName,
}: MongoDocumentStoreOptions): Promise<DocumentStore> {
  if (typeof uri !== 'string' || uri.length === 0) {
    throw new TypeError('uri must be a non-empty MongoDB connection string');
  }
  const { MongoClient } = await loadMongoDriver();
  const client = new MongoClient(uri, { appName: 'atelier' });
  try {
    await client.connect();
    const collections = documentCollections(client.db(dbName));
    await createDocumentIndexes(collections);
    return createMongoDocumentStore(collections, () => client.close());
  } catch (error) {
    // The connect or index error explains the failure; one from closing would only hide it.
    await client.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A document store on collections whose indexes exist, for compositions that share one client
 * between stores. `release` runs once, on the first `close()`; a store that does not own the
 * client passes a no-op, and its `close()` then only makes later calls reject.
 */
export function createMongoDocumentStore(
  collections: DocumentCollections,
  release: () => Promise<void>,
): DocumentStore {
  return new MongoDocumentStore(collections, release);
}

/**
 * Without multi-document transactions (which need a replica set and would tie the adapter to
 * one), every operation is ordered so that a crash between any two writes leaves a state that
 * loads correctly:
 * - append reserves a seq range on the head, then inserts: a crash in between leaves a gap in
 *   seqs, which loading tolerates (it sorts by seq and never expects them contiguous);
 * - compaction writes the snapshot, then trims the log: loading only reads updates with
 *   seq > snapshotSeq, so rows the snapshot already covers are ignored until trimmed;
 * - seeding claims the head, then inserts seq 1; a crash in between is finished by the next
 *   seeder (see `seedDocumentIfEmpty`).
 *
 * One writer per document is assumed (the collaboration server that holds it in memory). Two
 * processes appending to the same document stay consistent, but a compaction could then cover
 * a seq another process has reserved and not yet inserted, hiding that update.
 */
class MongoDocumentStore implements DocumentStore {
  private closed = false;

  constructor(
    private readonly collections: DocumentCollections,
    private readonly release: () => Promise<void>,
  ) {}

  /**
   * `lastSeq` is the newest seq actually stored (in the log or the snapshot), not the head
   * counter: seqs reserved by an append that crashed, or is still in flight, hold no update,
   * and a compaction through them would hide the update that later gets stored there.
   */
  async loadDocument(docName: string): Promise<StoredDocument> {
    this.assertOpen();
    assertDocName(docName);
    for (let attempt = 1; attempt <= MAX_LOAD_ATTEMPTS; attempt++) {
      const snapshot = await this.collections.snapshots.findOne(
        { docName },
        { projection: { _id: 0, snapshotSeq: 1, data: 1 } },
      );
      const snapshotSeq = snapshot?.snapshotSeq ?? 0;
      const updates = await this.collections.updates
        .find({ docName, seq: { $gt: snapshotSeq } }, { projection: { _id: 0, seq: 1, data: 1 } })
        .sort({ seq: 1 })
        .toArray();
      // Not one atomic read: a compaction may have written a newer snapshot and trimmed rows
      // after `snapshotSeq` while the log was being read. Same snapshot seq afterwards means no
      // row after it can have been trimmed, because trimming only follows a newer snapshot.
      if ((await this.readSnapshotSeq(docName)) !== snapshotSeq) continue;
      return {
        snapshot: snapshot ? copyBytes(snapshot.data) : null,
        snapshotSeq,
        updates: updates.map((record) => copyBytes(record.data)),
        lastSeq: updates.at(-1)?.seq ?? snapshotSeq,
      };
    }
    throw new Error(
      `document ${docName} was compacted during each of ${MAX_LOAD_ATTEMPTS} load attempts`,
    );
  }

  /**
   * One seq reservation per document, then one ordered insertMany for the whole batch. When the
   * insert fails part-way (ordered: it stops at the first failure) some updates may be stored
   * and the call still rejects; retrying the whole batch is safe because applying a Yjs update
   * twice has no effect, and the retry gets fresh seqs.
   */
  async appendUpdates(
    batch: readonly DocumentUpdateToAppend[],
  ): Promise<ReadonlyMap<string, number>> {
    this.assertOpen();
    assertBatch(batch);
    if (batch.length === 0) return new Map();

    const updatesByDoc = groupByDocName(batch);
    // Reservations for different documents are independent, so they share one round trip's wait.
    const reservations = await Promise.all(
      [...updatesByDoc].map(async ([docName, updates]) => ({
        docName,
        updates,
        firstSeq: await this.reserveSeqs(docName, updates.length),
      })),
    );

    const createdAt = new Date();
    const records: UpdateRecord[] = [];
    const lastSeqByDoc = new Map<string, number>();
    for (const { docName, updates, firstSeq } of reservations) {
      updates.forEach((update, index) => {
        records.push({
          docName,
          seq: firstSeq + index,
          data: new (mongoDriver().Binary)(update),
          createdAt,
        });
      });
      lastSeqByDoc.set(docName, firstSeq + updates.length - 1);
    }
    await this.collections.updates.insertMany(records, { ordered: true });
    return lastSeqByDoc;
  }

  async compactDocument(docName: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.assertOpen();
    assertDocName(docName);
    assertBytes(snapshot, 'snapshot');
    assertSeq(throughSeq, 'throughSeq');
    if (throughSeq === 0) return;

    // The head only grows, so a throughSeq within it now stays within it.
    const head = await this.collections.heads.findOne({ docName }, { projection: { lastSeq: 1 } });
    const lastSeq = head?.lastSeq ?? 0;
    if (throughSeq > lastSeq) {
      // A snapshot claiming seqs not yet assigned would hide the updates that later get them.
      throw new RangeError(
        `throughSeq ${throughSeq} is beyond the last seq ${lastSeq} of document ${docName}`,
      );
    }

    // Step 1, then step 2. A crash between them leaves log rows the snapshot already covers;
    // loads skip them and the next compaction trims them.
    await this.writeSnapshotIfNewer(docName, snapshot, throughSeq);
    // Runs even when step 1 found a newer snapshot: that one covers these rows as well.
    await this.collections.updates.deleteMany({ docName, seq: { $lte: throughSeq } });
  }

  /**
   * Two writes, ordered so that a crash between them can be finished later:
   * 1. Insert the head with lastSeq 1. Its unique index makes this fail for any document that
   *    was ever appended to or seeded, and lets exactly one racing seeder through.
   * 2. Insert the update with seq 1.
   * A crash between 1 and 2 leaves a head at lastSeq 1 with nothing stored: the document loads
   * empty, and the next seeder sees exactly that state and performs step 2 itself. Racing
   * finishers are arbitrated by the unique (docName, seq) index, so still exactly one wins.
   * (Inserting the update first instead would need no repair, but a document whose seq 1 was
   * already compacted away would then accept a seed on top of its content.)
   */
  async seedDocumentIfEmpty(docName: string, initialUpdate: Uint8Array): Promise<boolean> {
    this.assertOpen();
    assertDocName(docName);
    assertBytes(initialUpdate, 'initialUpdate');

    const claimedHead = await writeUnlessDuplicateKey(() =>
      this.collections.heads.insertOne({ docName, lastSeq: 1 }),
    );
    if (!claimedHead && !(await this.isUnfinishedSeed(docName))) return false;
    return writeUnlessDuplicateKey(() =>
      this.collections.updates.insertOne({
        docName,
        seq: 1,
        data: new (mongoDriver().Binary)(initialUpdate),
        createdAt: new Date(),
      }),
    );
  }

  async logStats(docName: string): Promise<DocumentLogStats> {
    this.assertOpen();
    assertDocName(docName);
    const snapshotSeq = await this.readSnapshotSeq(docName);
    const [totals] = await this.collections.updates
      .aggregate<DocumentLogStats>([
        { $match: { docName, seq: { $gt: snapshotSeq } } },
        {
          $group: {
            _id: null,
            updateCount: { $sum: 1 },
            updateBytes: { $sum: { $binarySize: '$data' } },
          },
        },
        { $project: { _id: 0, updateCount: 1, updateBytes: 1 } },
      ])
      .toArray();
    return { updateCount: totals?.updateCount ?? 0, updateBytes: totals?.updateBytes ?? 0 };
  }

  /**
   * Log first, then snapshot, then head: interrupted part-way, the document still loads as its
   * older snapshot rather than as updates missing their base, and its seqs stay reserved until
   * nothing is left that could collide with them. Calling again finishes the deletion.
   */
  async deleteDocument(docName: string): Promise<void> {
    this.assertOpen();
    assertDocName(docName);
    await this.collections.updates.deleteMany({ docName });
    await this.collections.snapshots.deleteOne({ docName });
    await this.collections.heads.deleteOne({ docName });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }

  /** The driver would silently reconnect a closed client; a closed store should fail loudly. */
  private assertOpen(): void {
    if (this.closed) throw new Error('MongoDB document store is closed');
  }

  /**
   * Returns the first seq of a freshly reserved range of `count`. Two first appends racing to
   * create the head are safe: the server retries an upsert that hit a duplicate key when its
   * filter is an equality on the unique field (MongoDB 4.2+, the oldest this driver supports).
   */
  private async reserveSeqs(docName: string, count: number): Promise<number> {
    const head = await this.collections.heads.findOneAndUpdate(
      { docName },
      { $inc: { lastSeq: count } },
      { upsert: true, returnDocument: 'after', projection: { lastSeq: 1 } },
    );
    if (!head) throw new Error(`no seq range reserved for document ${docName}`);
    return head.lastSeq - count + 1;
  }

  /**
   * Conditional upsert: replaces the snapshot only if it covers fewer seqs. When the filter does
   * not match, the upsert tries to insert a second snapshot for the document and the unique
   * index refuses it: that is how a stale throughSeq is ignored. A first duplicate key can also
   * come from a concurrent first compaction inserting between our match and insert, so the
   * write is tried once more against the now existing document before concluding "stale".
   */
  private async writeSnapshotIfNewer(
    docName: string,
    snapshot: Uint8Array,
    throughSeq: number,
  ): Promise<void> {
    const data = new (mongoDriver().Binary)(snapshot);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const written = await writeUnlessDuplicateKey(() =>
        this.collections.snapshots.updateOne(
          { docName, snapshotSeq: { $lt: throughSeq } },
          { $set: { snapshotSeq: throughSeq, data, updatedAt: new Date() } },
          { upsert: true },
        ),
      );
      if (written) return;
    }
  }

  private async readSnapshotSeq(docName: string): Promise<number> {
    const snapshot = await this.collections.snapshots.findOne(
      { docName },
      { projection: { _id: 0, snapshotSeq: 1 } },
    );
    return snapshot?.snapshotSeq ?? 0;
  }

  /** The state a seeder that crashed between its two writes leaves: head at 1, nothing stored. */
  private async isUnfinishedSeed(docName: string): Promise<boolean> {
    const head = await this.collections.heads.findOne({ docName }, { projection: { lastSeq: 1 } });
    if (head?.lastSeq !== 1) return false;
    const snapshot = await this.collections.snapshots.findOne(
      { docName },
      { projection: { _id: 1 } },
    );
    // Whether seq 1 is stored is left to the unique index on the insert that follows.
    return snapshot === null;
  }
}

/** Runs a write; resolves false instead of rejecting when a unique index refused it. */
async function writeUnlessDuplicateKey(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Groups a batch by document, keeping each document's updates in append order. */
function groupByDocName(batch: readonly DocumentUpdateToAppend[]): Map<string, Uint8Array[]> {
  const updatesByDoc = new Map<string, Uint8Array[]>();
  for (const { docName, update } of batch) {
    const updates = updatesByDoc.get(docName);
    if (updates) updates.push(update);
    else updatesByDoc.set(docName, [update]);
  }
  return updatesByDoc;
}

/**
 * Deserialized binaries are views into the whole server reply; copying lets that buffer be
 * freed and hands callers a plain Uint8Array.
 */
function copyBytes(binary: Binary): Uint8Array {
  return new Uint8Array(binary.value());
}
