import { randomUUID } from 'node:crypto';
import { Binary, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDocumentStoreContract } from '../contract';
import type { DocumentStore } from '../documentStore';
import { COLLECTION_NAMES } from './mongoCollections';
import type { HeadRecord, SnapshotRecord, UpdateRecord } from './mongoCollections';
import { openMongoDocumentStore } from './mongoDocumentStore';

// No MongoDB server is available in every environment; set MONGODB_URI to run these.
const mongoUri = process.env.MONGODB_URI;

describe.skipIf(!mongoUri)('MongoDB document store', () => {
  const uri = mongoUri ?? '';
  // One database per run, dropped afterwards; tests inside it use unique document names.
  const dbName = `atelier_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  let inspector: MongoClient;

  beforeAll(async () => {
    inspector = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await inspector.db(dbName).dropDatabase();
    await inspector.close();
  });

  function rawCollections() {
    const db = inspector.db(dbName);
    return {
      updates: db.collection<UpdateRecord>(COLLECTION_NAMES.updates),
      snapshots: db.collection<SnapshotRecord>(COLLECTION_NAMES.snapshots),
      heads: db.collection<HeadRecord>(COLLECTION_NAMES.heads),
    };
  }

  describeDocumentStoreContract('MongoDB', async () => {
    let current: DocumentStore = await openMongoDocumentStore({ uri, dbName });
    return {
      store: current,
      cleanup: () => current.close(),
      reopen: async () => {
        await current.close();
        current = await openMongoDocumentStore({ uri, dbName });
        return current;
      },
      // Step 1 of a compaction without step 2, written through a separate client.
      writeSnapshotKeepingLog: async (docName, snapshot, throughSeq) => {
        await rawCollections().snapshots.updateOne(
          { docName },
          { $set: { snapshotSeq: throughSeq, data: new Binary(snapshot), updatedAt: new Date() } },
          { upsert: true },
        );
      },
    };
  });

  describe('crash states', () => {
    let store: DocumentStore;

    beforeAll(async () => {
      store = await openMongoDocumentStore({ uri, dbName });
    });

    afterAll(async () => {
      await store.close();
    });

    it('creates the unique indexes at open', async () => {
      const indexes = await rawCollections().updates.indexes();

      expect(indexes).toContainEqual(
        expect.objectContaining({ key: { docName: 1, seq: 1 }, unique: true }),
      );
    });

    it('tolerates seqs reserved by an append that crashed before inserting', async () => {
      const docName = `gap-${randomUUID()}`;
      await store.appendUpdates([{ docName, update: new Uint8Array([1]) }]);
      // The reservation of a crashed append: the head moved, no update was stored.
      await rawCollections().heads.updateOne({ docName }, { $inc: { lastSeq: 3 } });

      const lastSeqs = await store.appendUpdates([{ docName, update: new Uint8Array([2]) }]);
      const stored = await store.loadDocument(docName);

      expect(lastSeqs.get(docName)).toBe(5);
      expect(stored.updates).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
      expect(stored.lastSeq).toBe(5);
    });

    it('reports the newest stored seq, not a reservation still without its update', async () => {
      const docName = `reserved-${randomUUID()}`;
      await store.appendUpdates([{ docName, update: new Uint8Array([1]) }]);
      await rawCollections().heads.updateOne({ docName }, { $inc: { lastSeq: 1 } });

      expect((await store.loadDocument(docName)).lastSeq).toBe(1);
    });

    it('finishes a seed that crashed after claiming the head', async () => {
      const docName = `half-seeded-${randomUUID()}`;
      await rawCollections().heads.insertOne({ docName, lastSeq: 1 });
      const template = new Uint8Array([7, 7, 7]);

      expect(await store.seedDocumentIfEmpty(docName, template)).toBe(true);
      expect(await store.seedDocumentIfEmpty(docName, template)).toBe(false);
      expect((await store.loadDocument(docName)).updates).toEqual([template]);
    });

    it('keeps the newer snapshot when a stale compaction races a first one', async () => {
      const docName = `racing-compactions-${randomUUID()}`;
      const updates = [1, 2, 3, 4].map((byte) => new Uint8Array([byte]));
      await store.appendUpdates(updates.map((update) => ({ docName, update })));

      await Promise.all([
        store.compactDocument(docName, new Uint8Array([2]), 2),
        store.compactDocument(docName, new Uint8Array([4]), 4),
      ]);
      const stored = await store.loadDocument(docName);

      expect(stored.snapshotSeq).toBe(4);
      expect(stored.snapshot).toEqual(new Uint8Array([4]));
      expect(await rawCollections().updates.countDocuments({ docName })).toBe(0);
    });
  });
});
