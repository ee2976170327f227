import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentStore, StoredDocument } from '../documentStore';
import {
  docFromStored,
  docFromUpdates,
  snapshotOf,
  stateOf,
  textOf,
  typingUpdates,
  uniqueDocName,
} from './yjsFixtures';

/** What an adapter's test file hands the contract for each test. */
export interface DocumentStoreUnderTest {
  readonly store: DocumentStore;
  /** Closes whichever store is open (the original or the one `reopen` returned) and removes its data. */
  readonly cleanup: () => Promise<void>;
  /** Closes `store` and opens a new store on the same data. Omit for adapters that cannot. */
  readonly reopen?: () => Promise<DocumentStore>;
  /**
   * Writes, through the adapter's real storage (a second connection, not a mock), the state a
   * crash between the two steps of a non-atomic compaction leaves behind: the snapshot for
   * `throughSeq` stored while the log rows it covers are still present.
   */
  readonly writeSnapshotKeepingLog?: (
    docName: string,
    snapshot: Uint8Array,
    throughSeq: number,
  ) => Promise<void>;
}

const ONE_MIB_BYTES = 1024 * 1024;
const RACING_SEEDERS = 10;

/**
 * The behaviour every DocumentStore adapter must share. Each test gets a fresh store from
 * `openStore` and uses its own document names, so a shared backing database is fine too.
 */
export function describeDocumentStoreContract(
  adapterName: string,
  openStore: () => Promise<DocumentStoreUnderTest>,
): void {
  describe(`DocumentStore contract: ${adapterName}`, () => {
    let underTest: DocumentStoreUnderTest;
    let store: DocumentStore;

    beforeEach(async () => {
      underTest = await openStore();
      store = underTest.store;
    });

    afterEach(async () => {
      await underTest.cleanup();
    });

    async function appendOneByOne(docName: string, updates: readonly Uint8Array[]) {
      return store.appendUpdates(updates.map((update) => ({ docName, update })));
    }

    describe('loading', () => {
      it('loads an unknown document as empty', async () => {
        const stored = await store.loadDocument(uniqueDocName('unknown'));

        expect(stored).toEqual({ snapshot: null, snapshotSeq: 0, updates: [], lastSeq: 0 });
        expect(await store.logStats(uniqueDocName('unknown'))).toEqual({
          updateCount: 0,
          updateBytes: 0,
        });
      });

      it('rejects a document name that is not a string instead of throwing', async () => {
        const operatorInjection = { $ne: null } as unknown as string;
        let pending: Promise<StoredDocument> | undefined;

        expect(() => {
          pending = store.loadDocument(operatorInjection);
        }).not.toThrow();
        await expect(pending).rejects.toThrow(TypeError);
        await expect(
          store.appendUpdates([{ docName: operatorInjection, update: new Uint8Array([1]) }]),
        ).rejects.toThrow(TypeError);
        await expect(store.deleteDocument(operatorInjection)).rejects.toThrow(TypeError);
      });
    });

    describe('appending', () => {
      it('returns updates in append order with the seq of the last one', async () => {
        const docName = uniqueDocName('append');
        const updates = typingUpdates(['consultation', 'draft', 'one']);

        const lastSeqs = await appendOneByOne(docName, updates);
        const stored = await store.loadDocument(docName);

        expect(lastSeqs).toEqual(new Map([[docName, updates.length]]));
        expect(stored.snapshot).toBeNull();
        expect(stored.snapshotSeq).toBe(0);
        expect(stored.lastSeq).toBe(updates.length);
        expect(stored.updates).toEqual(updates);
        expect(textOf(docFromStored(stored))).toBe(textOf(docFromUpdates(updates)));
      });

      it('keeps increasing seqs across successive batches', async () => {
        const docName = uniqueDocName('append');
        const [first, second, third] = typingUpdates(['a', 'b']);

        const afterFirst = await store.appendUpdates([{ docName, update: first! }]);
        const afterRest = await appendOneByOne(docName, [second!, third!]);

        expect(afterFirst.get(docName)).toBe(1);
        expect(afterRest.get(docName)).toBe(3);
        expect((await store.loadDocument(docName)).updates).toEqual([first, second, third]);
      });

      it('numbers each document separately within one batch across documents', async () => {
        const [alpha, beta, gamma] = ['alpha', 'beta', 'gamma'].map(uniqueDocName);
        const alphaUpdates = typingUpdates(['alpha', 'text']);
        const betaUpdates = typingUpdates(['beta']);
        const gammaUpdates = typingUpdates(['gamma']).slice(0, 1);

        const lastSeqs = await store.appendUpdates([
          { docName: alpha!, update: alphaUpdates[0]! },
          { docName: beta!, update: betaUpdates[0]! },
          { docName: alpha!, update: alphaUpdates[1]! },
          { docName: gamma!, update: gammaUpdates[0]! },
          { docName: beta!, update: betaUpdates[1]! },
          { docName: alpha!, update: alphaUpdates[2]! },
        ]);

        expect(lastSeqs).toEqual(
          new Map([
            [alpha, 3],
            [beta, 2],
            [gamma, 1],
          ]),
        );
        expect((await store.loadDocument(alpha!)).updates).toEqual(alphaUpdates);
        expect((await store.loadDocument(beta!)).updates).toEqual(betaUpdates);
        expect((await store.loadDocument(gamma!)).updates).toEqual(gammaUpdates);
      });

      it('accepts an empty batch', async () => {
        expect(await store.appendUpdates([])).toEqual(new Map());
      });

      it('writes nothing when one entry of the batch is invalid', async () => {
        const docName = uniqueDocName('invalid-batch');
        const [update] = typingUpdates(['x']);

        await expect(
          store.appendUpdates([
            { docName, update: update! },
            { docName, update: 'not bytes' as unknown as Uint8Array },
          ]),
        ).rejects.toThrow(TypeError);
        expect((await store.loadDocument(docName)).lastSeq).toBe(0);
      });

      it('round-trips a 1 MiB update and a 1 MiB snapshot byte for byte', async () => {
        const docName = uniqueDocName('large');
        const largeUpdate = new Uint8Array(randomBytes(ONE_MIB_BYTES));
        const largeSnapshot = new Uint8Array(randomBytes(ONE_MIB_BYTES));

        await store.appendUpdates([{ docName, update: largeUpdate }]);
        const appended = await store.loadDocument(docName);
        expectSameBytes(appended.updates[0], largeUpdate);
        expect(await store.logStats(docName)).toEqual({
          updateCount: 1,
          updateBytes: ONE_MIB_BYTES,
        });

        await store.compactDocument(docName, largeSnapshot, 1);
        expectSameBytes((await store.loadDocument(docName)).snapshot, largeSnapshot);
      });
    });

    describe('compacting', () => {
      it('loads the same content from the snapshot as from replaying the log', async () => {
        const docName = uniqueDocName('compact');
        const updates = typingUpdates(['we', 'the', 'residents', 'propose']);
        await appendOneByOne(docName, updates);
        const beforeCompaction = await store.loadDocument(docName);
        const replayed = docFromStored(beforeCompaction);

        await store.compactDocument(docName, stateOf(replayed), beforeCompaction.lastSeq);
        const compacted = await store.loadDocument(docName);

        expect(compacted.snapshotSeq).toBe(updates.length);
        expect(compacted.lastSeq).toBe(updates.length);
        expect(compacted.updates).toEqual([]);
        const restored = docFromStored(compacted);
        expect(textOf(restored)).toBe(textOf(replayed));
        expect(stateOf(restored)).toEqual(stateOf(replayed));
        expect(await store.logStats(docName)).toEqual({ updateCount: 0, updateBytes: 0 });
      });

      it('keeps updates appended after throughSeq', async () => {
        const docName = uniqueDocName('compact');
        const updates = typingUpdates(['first', 'second', 'third']);
        await appendOneByOne(docName, updates);

        await store.compactDocument(docName, snapshotOf(updates.slice(0, 2)), 2);
        const stored = await store.loadDocument(docName);

        expect(stored.snapshotSeq).toBe(2);
        expect(stored.lastSeq).toBe(updates.length);
        expect(stored.updates).toEqual(updates.slice(2));
        expect(textOf(docFromStored(stored))).toBe(textOf(docFromUpdates(updates)));
        expect(await store.logStats(docName)).toEqual({
          updateCount: updates.length - 2,
          updateBytes: sumOfLengths(updates.slice(2)),
        });
      });

      it('is idempotent and ignores a throughSeq older than the current snapshot', async () => {
        const docName = uniqueDocName('compact');
        const updates = typingUpdates(['one', 'two', 'three']);
        await appendOneByOne(docName, updates);
        const fullSnapshot = snapshotOf(updates);

        await store.compactDocument(docName, fullSnapshot, 4);
        await store.compactDocument(docName, fullSnapshot, 4);
        await store.compactDocument(docName, snapshotOf(updates.slice(0, 1)), 1);
        const stored = await store.loadDocument(docName);

        expect(stored.snapshotSeq).toBe(4);
        expect(stored.snapshot).toEqual(fullSnapshot);
        expect(stored.updates).toEqual([]);
      });

      it('never reuses a seq after compaction', async () => {
        const docName = uniqueDocName('compact');
        const updates = typingUpdates(['before', 'compaction']);
        const [later] = typingUpdates(['after']);
        await appendOneByOne(docName, updates);
        await store.compactDocument(docName, snapshotOf(updates), updates.length);

        const lastSeqs = await store.appendUpdates([{ docName, update: later! }]);
        const stored = await store.loadDocument(docName);

        expect(lastSeqs.get(docName)).toBe(updates.length + 1);
        expect(stored.lastSeq).toBe(updates.length + 1);
        expect(stored.updates).toEqual([later]);
      });

      it('rejects a throughSeq beyond the last appended seq', async () => {
        const docName = uniqueDocName('compact');
        const updates = typingUpdates(['only']);
        await appendOneByOne(docName, updates);

        await expect(
          store.compactDocument(docName, snapshotOf(updates), updates.length + 1),
        ).rejects.toThrow(RangeError);
        expect(await store.loadDocument(docName)).toMatchObject({ snapshot: null, snapshotSeq: 0 });
      });

      it('loads correctly after a crash between writing the snapshot and trimming the log', async (context) => {
        const { writeSnapshotKeepingLog } = underTest;
        if (!writeSnapshotKeepingLog) return context.skip('adapter cannot write that state');
        const docName = uniqueDocName('interrupted');
        const updates = typingUpdates(['crash', 'in', 'between']);
        await appendOneByOne(docName, updates);
        const snapshot = snapshotOf(updates.slice(0, 3));

        await writeSnapshotKeepingLog(docName, snapshot, 3);
        const interrupted = await store.loadDocument(docName);

        expect(interrupted.snapshotSeq).toBe(3);
        expect(interrupted.updates).toEqual(updates.slice(3));
        expect(interrupted.lastSeq).toBe(updates.length);
        expect(stateOf(docFromStored(interrupted))).toEqual(stateOf(docFromUpdates(updates)));
        expect((await store.logStats(docName)).updateCount).toBe(updates.length - 3);

        await store.compactDocument(docName, snapshot, 3);
        expect(await store.loadDocument(docName)).toEqual(interrupted);
      });
    });

    describe('seeding', () => {
      it('seeds a document that was never written, once', async () => {
        const docName = uniqueDocName('seed');
        const [template] = typingUpdates(['template']);
        const [otherTemplate] = typingUpdates(['other']);

        expect(await store.seedDocumentIfEmpty(docName, template!)).toBe(true);
        expect(await store.seedDocumentIfEmpty(docName, otherTemplate!)).toBe(false);
        const stored = await store.loadDocument(docName);

        expect(stored.updates).toEqual([template]);
        expect(stored.lastSeq).toBe(1);
      });

      it('continues numbering after the seed', async () => {
        const docName = uniqueDocName('seed');
        const [template, edit] = typingUpdates(['template', 'edit']);
        await store.seedDocumentIfEmpty(docName, template!);

        expect((await store.appendUpdates([{ docName, update: edit! }])).get(docName)).toBe(2);
        expect((await store.loadDocument(docName)).updates).toEqual([template, edit]);
      });

      it('refuses a document that already has content', async () => {
        const docName = uniqueDocName('seed');
        const updates = typingUpdates(['existing']);
        const [template] = typingUpdates(['template']);
        await appendOneByOne(docName, updates);

        expect(await store.seedDocumentIfEmpty(docName, template!)).toBe(false);
        expect((await store.loadDocument(docName)).updates).toEqual(updates);
      });

      it('refuses a compacted document whose log is empty', async () => {
        const docName = uniqueDocName('seed');
        const updates = typingUpdates(['compacted']);
        const [template] = typingUpdates(['template']);
        await appendOneByOne(docName, updates);
        await store.compactDocument(docName, snapshotOf(updates), updates.length);

        expect(await store.seedDocumentIfEmpty(docName, template!)).toBe(false);
        expect((await store.loadDocument(docName)).updates).toEqual([]);
      });

      it(`lets exactly one of ${RACING_SEEDERS} concurrent seeders win`, async () => {
        const docName = uniqueDocName('seed-race');
        const templates = Array.from(
          { length: RACING_SEEDERS },
          (_, index) => typingUpdates([`template-${index}`])[0]!,
        );

        const outcomes = await Promise.all(
          templates.map((template) => store.seedDocumentIfEmpty(docName, template)),
        );
        const stored = await store.loadDocument(docName);

        expect(outcomes.filter(Boolean)).toHaveLength(1);
        expect(stored.updates).toEqual([templates[outcomes.indexOf(true)]]);
        expect(stored.lastSeq).toBe(1);
      });
    });

    describe('log stats', () => {
      it('counts the updates after the snapshot and their bytes', async () => {
        const docName = uniqueDocName('stats');
        const updates = typingUpdates(['count', 'these', 'bytes']);

        await appendOneByOne(docName, updates);

        expect(await store.logStats(docName)).toEqual({
          updateCount: updates.length,
          updateBytes: sumOfLengths(updates),
        });
      });
    });

    describe('deleting', () => {
      it('removes a document and its history, leaving other documents alone', async () => {
        const [doomed, kept] = ['doomed', 'kept'].map(uniqueDocName);
        const updates = typingUpdates(['delete', 'me']);
        await appendOneByOne(doomed!, updates);
        await appendOneByOne(kept!, updates);
        await store.compactDocument(doomed!, snapshotOf(updates.slice(0, 1)), 1);

        await store.deleteDocument(doomed!);

        expect(await store.loadDocument(doomed!)).toEqual({
          snapshot: null,
          snapshotSeq: 0,
          updates: [],
          lastSeq: 0,
        });
        expect(await store.logStats(doomed!)).toEqual({ updateCount: 0, updateBytes: 0 });
        expect((await store.loadDocument(kept!)).updates).toEqual(updates);
      });

      it('accepts deleting a document that does not exist', async () => {
        await expect(store.deleteDocument(uniqueDocName('missing'))).resolves.toBeUndefined();
      });

      it('lets a deleted document be seeded again', async () => {
        const docName = uniqueDocName('deleted');
        const [template] = typingUpdates(['fresh']);
        await appendOneByOne(docName, typingUpdates(['old']));
        await store.deleteDocument(docName);

        expect(await store.seedDocumentIfEmpty(docName, template!)).toBe(true);
        expect((await store.loadDocument(docName)).updates).toEqual([template]);
      });
    });

    describe('closing', () => {
      it('can be closed twice and rejects work afterwards', async () => {
        await store.close();
        await store.close();

        await expect(store.loadDocument(uniqueDocName('closed'))).rejects.toThrow();
      });

      it('keeps everything across a close and reopen', async (context) => {
        const { reopen } = underTest;
        if (!reopen) return context.skip('adapter has no durable data to reopen');
        const docName = uniqueDocName('reopen');
        const updates = typingUpdates(['durable', 'across', 'restarts']);
        const [later] = typingUpdates(['later']);
        await appendOneByOne(docName, updates);
        await store.compactDocument(docName, snapshotOf(updates.slice(0, 2)), 2);
        const beforeClose = await store.loadDocument(docName);

        const reopened = await reopen();

        expect(await reopened.loadDocument(docName)).toEqual(beforeClose);
        expect((await reopened.appendUpdates([{ docName, update: later! }])).get(docName)).toBe(
          updates.length + 1,
        );
      });
    });
  });
}

function sumOfLengths(updates: readonly Uint8Array[]): number {
  return updates.reduce((total, update) => total + update.byteLength, 0);
}

/** Compares large byte arrays in one call rather than element by element through the matcher. */
function expectSameBytes(actual: Uint8Array | null | undefined, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(actual!.byteLength).toBe(expected.byteLength);
  expect(Buffer.compare(actual!, expected)).toBe(0);
}
