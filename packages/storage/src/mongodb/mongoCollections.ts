import type { Binary, Collection, Db, WriteConcernSettings } from 'mongodb';

/** Collection names, shared with tests that write states only a crash could leave. */
export const COLLECTION_NAMES = {
  updates: 'doc_updates',
  snapshots: 'doc_snapshots',
  heads: 'doc_heads',
} as const;

/**
 * Every write waits until a majority of the replica set has it in its on-disk journal: an
 * acknowledged edit then survives a crash of any one node and a failover. On a standalone
 * server this is simply a journaled write.
 */
export const DURABLE_WRITE_CONCERN: WriteConcernSettings = { w: 'majority', journal: true };

/** One logged Yjs update. */
export interface UpdateRecord {
  readonly docName: string;
  readonly seq: number;
  readonly data: Binary;
  readonly createdAt: Date;
}

/** The merged update covering every logged update with seq <= snapshotSeq. */
export interface SnapshotRecord {
  readonly docName: string;
  readonly snapshotSeq: number;
  readonly data: Binary;
  readonly updatedAt: Date;
}

/** Per-document seq counter; only ever increases, so seqs are never reused after compaction. */
export interface HeadRecord {
  readonly docName: string;
  readonly lastSeq: number;
}

export interface DocumentCollections {
  readonly updates: Collection<UpdateRecord>;
  readonly snapshots: Collection<SnapshotRecord>;
  readonly heads: Collection<HeadRecord>;
}

export function documentCollections(db: Db): DocumentCollections {
  const options = { writeConcern: DURABLE_WRITE_CONCERN };
  return {
    updates: db.collection<UpdateRecord>(COLLECTION_NAMES.updates, options),
    snapshots: db.collection<SnapshotRecord>(COLLECTION_NAMES.snapshots, options),
    heads: db.collection<HeadRecord>(COLLECTION_NAMES.heads, options),
  };
}

/**
 * The unique indexes are part of the design, not an optimisation: (docName, seq) makes a seq
 * impossible to store twice (and arbitrates seeding races); docName on snapshots and heads makes
 * the conditional upserts safe under concurrency. createIndex is a no-op when the index exists.
 */
export async function createDocumentIndexes(collections: DocumentCollections): Promise<void> {
  await Promise.all([
    collections.updates.createIndex(
      { docName: 1, seq: 1 },
      { unique: true, name: 'docName_seq_unique' },
    ),
    collections.snapshots.createIndex({ docName: 1 }, { unique: true, name: 'docName_unique' }),
    collections.heads.createIndex({ docName: 1 }, { unique: true, name: 'docName_unique' }),
  ]);
}
