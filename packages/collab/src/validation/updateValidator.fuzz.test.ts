import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { buildRealUpdateCorpus } from './realUpdateCorpus';
import type { RealUpdate } from './realUpdateCorpus';
import { validateUpdateV1 } from './updateValidator';

const FUZZ_SEED = 0x5eed_2024;
const MUTATED_UPDATES = 5_000;
// Hang guards, not speed targets (speed is measured in the benchmark): validation and apply take
// well under a millisecond on these few-KiB updates, and what these bounds must catch are the
// multi-second or endless stalls crafted input causes in an unprotected Yjs. Generous enough for
// a machine whose cores are busy with a parallel benchmark.
const MAX_VALIDATION_MS = 1_000;
const MAX_APPLY_MS = 2_000;

/** mulberry32: tiny seeded PRNG so a failing case reproduces from the seed and index. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface MutatedUpdate {
  readonly index: number;
  readonly source: RealUpdate;
  readonly bytes: Uint8Array;
}

// Boundary values of the encoding: empty lengths, the Skip ref, varUint continuation edges.
const INTERESTING_BYTES = [0x00, 0x01, 0x0a, 0x7f, 0x80, 0xff];

/** Flips bits, inserts, deletes and overwrites bytes: 1 to 4 edits per update. */
function mutatedUpdates(corpus: RealUpdate[], count: number, seed: number): MutatedUpdate[] {
  const random = seededRandom(seed);
  const below = (bound: number) => Math.floor(random() * bound);
  const result: MutatedUpdate[] = [];
  for (let index = 0; index < count; index++) {
    const source = corpus[below(corpus.length)]!;
    const bytes = Array.from(source.update);
    const edits = 1 + below(4);
    for (let edit = 0; edit < edits; edit++) {
      const kind = below(4);
      if (kind === 0 && bytes.length > 0) {
        const at = below(bytes.length);
        bytes[at] = bytes[at]! ^ (1 << below(8));
      } else if (kind === 1 && bytes.length > 0) {
        bytes[below(bytes.length)] = INTERESTING_BYTES[below(INTERESTING_BYTES.length)]!;
      } else if (kind === 2) {
        bytes.splice(below(bytes.length + 1), 0, below(256));
      } else if (bytes.length > 0) {
        bytes.splice(below(bytes.length), 1);
      }
    }
    result.push({ index, source, bytes: Uint8Array.from(bytes) });
  }
  return result;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('validateUpdateV1 under fuzzing', () => {
  const corpus = buildRealUpdateCorpus();
  const cases = mutatedUpdates(corpus, MUTATED_UPDATES, FUZZ_SEED);
  const accepted = cases.filter((entry) => validateUpdateV1(entry.bytes).ok);

  // Yjs logs (console.error) when it meets a sub-document twice; noise for this test.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it('never throws and stays fast on mutated updates', () => {
    for (const entry of cases) {
      const { ms } = timed(() => validateUpdateV1(entry.bytes));
      expect(ms, `case ${entry.index}: ${hex(entry.bytes)}`).toBeLessThan(MAX_VALIDATION_MS);
    }
    // Guard against a vacuous run: enough mutations survive to exercise Yjs below.
    expect(accepted.length).toBeGreaterThan(MUTATED_UPDATES / 20);
  });

  it('accepts only updates that Yjs applies to a fresh document promptly and without throwing', () => {
    for (const entry of accepted) {
      const label = `case ${entry.index} from "${entry.source.name}": ${hex(entry.bytes)}`;
      const { ms } = timed(() => {
        expect(() => Y.applyUpdate(new Y.Doc(), entry.bytes), label).not.toThrow();
        // Storage merges and diffs stored updates; those go through Yjs's second (lazy) reader.
        expect(() => Y.mergeUpdates([entry.bytes, EMPTY_UPDATE]), label).not.toThrow();
        expect(() => Y.encodeStateVectorFromUpdate(entry.bytes), label).not.toThrow();
      });
      expect(ms, label).toBeLessThan(MAX_APPLY_MS);
    }
  });

  it('accepted updates trimmed with diffUpdate apply on top of the state they came from', () => {
    for (const entry of accepted) {
      const label = `case ${entry.index} from "${entry.source.name}": ${hex(entry.bytes)}`;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, entry.source.base);
      expect(() => {
        Y.applyUpdate(doc, Y.diffUpdate(entry.bytes, Y.encodeStateVector(doc)));
      }, label).not.toThrow();
    }
  });
});

describe('state-dependent input validation alone cannot catch', () => {
  it('an item re-sent over known clocks with different content throws unless trimmed first', () => {
    // Found by fuzzing: "array: incremental #4" with its start clock lowered from 10 to 8, so
    // it overlaps the two clocks the document already has. Structurally valid; Yjs trusts the
    // overlap to be identical to what it has and throws mid-transaction when it is not.
    const source = buildRealUpdateCorpus().find((entry) => entry.name === 'array: incremental #4')!;
    const overlapping = Uint8Array.from(source.update);
    // Layout: client count, struct count, varUint client, varUint clock.
    let clockOffset = 2;
    while (overlapping[clockOffset]! >= 0x80) clockOffset++;
    clockOffset++;
    expect(overlapping[clockOffset]).toBe(10);
    overlapping[clockOffset] = 8;
    expect(validateUpdateV1(overlapping).ok).toBe(true);

    const untrimmed = new Y.Doc();
    Y.applyUpdate(untrimmed, source.base);
    expect(() => Y.applyUpdate(untrimmed, overlapping)).toThrow();

    const trimmed = new Y.Doc();
    Y.applyUpdate(trimmed, source.base);
    const diff = Y.diffUpdate(overlapping, Y.encodeStateVector(trimmed));
    expect(() => Y.applyUpdate(trimmed, diff)).not.toThrow();
  });
});
