import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnyTag } from './anyValueWalker';
import { buildRealUpdateCorpus } from './realUpdateCorpus';
import { DEFAULT_UPDATE_LIMITS, validateUpdateV1 } from './updateValidator';
import type { UpdateRejection } from './updateValidator';

type Write = (encoder: encoding.Encoder) => void;

const craft = (...writes: Write[]): Uint8Array => {
  const encoder = encoding.createEncoder();
  for (const write of writes) write(encoder);
  return encoding.toUint8Array(encoder);
};
const varUint =
  (value: number): Write =>
  (encoder) =>
    encoding.writeVarUint(encoder, value);
const byte =
  (value: number): Write =>
  (encoder) =>
    encoding.writeUint8(encoder, value);
const str =
  (value: string): Write =>
  (encoder) =>
    encoding.writeVarString(encoder, value);
const raw =
  (...bytes: number[]): Write =>
  (encoder) =>
    encoding.writeUint8Array(encoder, Uint8Array.from(bytes));
const any =
  (value: unknown): Write =>
  (encoder) =>
    encoding.writeAny(encoder, value as encoding.AnyEncodable);

const CLIENT = 7;
const NO_DELETES = varUint(0);
/** Struct section header: one client with `structCount` structs starting at `clock`. */
const oneClient = (structCount: number, clock = 0): Write[] => [
  varUint(1),
  varUint(structCount),
  varUint(CLIENT),
  varUint(clock),
];
/** An item directly under the root type "root" (no origins, so parent info follows). */
const rootItem = (contentRef: number, ...content: Write[]): Write[] => [
  byte(contentRef),
  varUint(1),
  str('root'),
  ...content,
];
const ContentRef = { GC: 0, Deleted: 1, JSON: 2, String: 4, Embed: 5, Format: 6 } as const;
const ContentRefType = 7;
const ContentRefAny = 8;
const ContentRefDoc = 9;
const INFO_ORIGIN = 0x80;

function expectRejected(update: Uint8Array, reason: UpdateRejection, limits = {}): void {
  const result = validateUpdateV1(update, limits);
  expect(result).toMatchObject({ ok: false, reason });
}

function expectAcceptedAndApplicable(update: Uint8Array): void {
  expect(validateUpdateV1(update)).toMatchObject({ ok: true });
  expect(() => Y.applyUpdate(new Y.Doc(), update)).not.toThrow();
}

describe('validateUpdateV1 on updates Yjs produces', () => {
  const corpus = buildRealUpdateCorpus();

  it.each(corpus.map((entry) => [entry.name, entry.update] as const))('accepts %s', (_, update) => {
    expect(validateUpdateV1(update)).toMatchObject({ ok: true });
  });

  it('covers every struct and content kind Yjs still writes', () => {
    const kinds = new Set<string>();
    for (const { update } of corpus) {
      for (const struct of Y.decodeUpdate(update).structs) {
        kinds.add(
          struct instanceof Y.Item ? struct.content.constructor.name : struct.constructor.name,
        );
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        'GC',
        'Skip',
        'ContentAny',
        'ContentBinary',
        'ContentDeleted',
        'ContentDoc',
        'ContentEmbed',
        'ContentFormat',
        'ContentString',
        'ContentType',
      ].sort(),
    );
  });

  it('reports struct, delete-range and client counts', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').insert(1, 'x');
    doc.getText('t').delete(0, 2);
    const result = validateUpdateV1(Y.encodeStateAsUpdate(doc));
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(doc));
    const deleteRanges = [...decoded.ds.clients.values()].reduce((sum, r) => sum + r.length, 0);
    expect(result).toEqual({
      ok: true,
      stats: { structs: decoded.structs.length, deleteRanges, clients: 1 },
    });
  });

  it('accepts the empty update Yjs sends for an empty document', () => {
    expect(validateUpdateV1(Y.encodeStateAsUpdate(new Y.Doc()))).toMatchObject({ ok: true });
  });

  it('accepts legacy ContentJSON, including the literal "undefined" Yjs maps to undefined', () => {
    const update = craft(
      ...oneClient(1),
      ...rootItem(ContentRef.JSON, varUint(3), str('{"a":[1,2]}'), str('undefined'), str('null')),
      NO_DELETES,
    );
    expectAcceptedAndApplicable(update);
  });

  it('accepts Any values nested exactly to the depth limit, and Yjs can read them', () => {
    let nested: unknown = 1;
    for (let i = 0; i < DEFAULT_UPDATE_LIMITS.maxAnyDepth; i++) nested = [nested];
    const update = craft(
      ...oneClient(1),
      ...rootItem(ContentRefAny, varUint(1), any(nested)),
      NO_DELETES,
    );
    expectAcceptedAndApplicable(update);
  });
});

describe('validateUpdateV1 on crafted input', () => {
  it('rejects a zero-length buffer (yjs#498: endless loop in Yjs)', () => {
    expectRejected(new Uint8Array(), 'empty');
  });

  it('rejects a single 0xff byte', () => {
    expectRejected(Uint8Array.of(0xff), 'truncated');
  });

  it('rejects a varUint that never terminates', () => {
    expectRejected(new Uint8Array(600).fill(0xff), 'integer_overflow');
    expectRejected(Uint8Array.of(0x80, 0x80, 0x80), 'truncated');
  });

  it('rejects client and struct counts larger than the input', () => {
    expectRejected(craft(varUint(2 ** 40), NO_DELETES), 'count_out_of_bounds');
    expectRejected(
      craft(varUint(1), varUint(2 ** 31), varUint(CLIENT), varUint(0)),
      'count_out_of_bounds',
    );
  });

  it('rejects struct lengths beyond maxStructLength (a GC of 2^52)', () => {
    const gc = craft(...oneClient(1), byte(ContentRef.GC), varUint(2 ** 52), NO_DELETES);
    expectRejected(gc, 'length_out_of_bounds');
    const deleted = craft(
      ...oneClient(1),
      ...rootItem(ContentRef.Deleted, varUint(2 ** 31 + 1)),
      NO_DELETES,
    );
    expectRejected(deleted, 'length_out_of_bounds');
    const skip = craft(...oneClient(1), byte(10), varUint(2 ** 31 + 1), NO_DELETES);
    expectRejected(skip, 'length_out_of_bounds');
  });

  it('rejects clocks that would pass 2^53', () => {
    const update = craft(
      ...oneClient(1, Number.MAX_SAFE_INTEGER - 2),
      byte(ContentRef.GC),
      varUint(5),
      NO_DELETES,
    );
    expectRejected(update, 'clock_out_of_bounds');
    const deletes = craft(
      varUint(0),
      varUint(1),
      varUint(CLIENT),
      varUint(1),
      varUint(Number.MAX_SAFE_INTEGER),
      varUint(3),
    );
    expectRejected(deletes, 'clock_out_of_bounds');
  });

  it('rejects a string whose length runs past the end', () => {
    const update = craft(
      ...oneClient(1),
      ...rootItem(ContentRef.String, varUint(1000), raw(0x61, 0x62)),
    );
    expectRejected(update, 'string_too_long');
  });

  it('rejects invalid UTF-8 in content strings and keys', () => {
    const content = craft(
      ...oneClient(1),
      ...rootItem(ContentRef.String, varUint(2), raw(0xc3, 0x28)),
      NO_DELETES,
    );
    expectRejected(content, 'invalid_utf8');
    const rootName = craft(
      ...oneClient(1),
      byte(ContentRef.String),
      varUint(1),
      varUint(1),
      raw(0xff),
      str('x'),
      NO_DELETES,
    );
    expectRejected(rootName, 'invalid_utf8');
  });

  it('rejects Any values nested deeper than the limit (10 000 arrays would overflow the stack)', () => {
    const deep = [
      ...new Array<number>(10_000).fill(AnyTag.Array).flatMap((tag) => [tag, 1]),
      AnyTag.Null,
    ];
    const update = craft(
      ...oneClient(1),
      ...rootItem(ContentRefAny, varUint(1), raw(...deep)),
      NO_DELETES,
    );
    expectRejected(update, 'nesting_too_deep');
    let nested: unknown = 1;
    for (let i = 0; i < 5; i++) nested = { key: nested };
    const shallow = craft(
      ...oneClient(1),
      ...rootItem(ContentRefAny, varUint(1), any(nested)),
      NO_DELETES,
    );
    expectRejected(shallow, 'nesting_too_deep', { maxAnyDepth: 4 });
  });

  it('rejects unknown Any type tags', () => {
    const update = craft(
      ...oneClient(1),
      ...rootItem(ContentRefAny, varUint(1), byte(115)),
      NO_DELETES,
    );
    expectRejected(update, 'unknown_any_tag');
  });

  it('rejects trailing bytes after the delete set', () => {
    const valid = Y.encodeStateAsUpdate(new Y.Doc());
    expectRejected(Uint8Array.of(...valid, 0), 'trailing_bytes');
  });

  it('rejects a missing delete set (Yjs would throw after integrating the structs)', () => {
    expectRejected(craft(...oneClient(1), ...rootItem(ContentRef.String, str('hi'))), 'truncated');
  });

  it('rejects unknown content refs and type refs', () => {
    for (let contentRef = 11; contentRef < 32; contentRef++) {
      expectRejected(
        craft(...oneClient(1), ...rootItem(contentRef), NO_DELETES),
        'unknown_content_ref',
      );
    }
    const type = craft(...oneClient(1), ...rootItem(ContentRefType, varUint(7)), NO_DELETES);
    expectRejected(type, 'unknown_type_ref');
  });

  it('accepts every type ref with the name XmlElement and XmlHook carry', () => {
    for (const typeRef of [0, 1, 2, 4, 6]) {
      expectAcceptedAndApplicable(
        craft(...oneClient(1), ...rootItem(ContentRefType, varUint(typeRef)), NO_DELETES),
      );
    }
    for (const typeRef of [3, 5]) {
      expectAcceptedAndApplicable(
        craft(...oneClient(1), ...rootItem(ContentRefType, varUint(typeRef), str('p')), NO_DELETES),
      );
    }
  });

  it('rejects embedded JSON that does not parse, as Yjs would throw while reading', () => {
    const cases = [
      rootItem(ContentRef.Embed, str('{not json')),
      rootItem(ContentRef.Format, str('bold'), str('tru')),
      rootItem(ContentRef.JSON, varUint(1), str('[1,')),
      // lib0 keeps a byte order mark, and JSON.parse does not skip it.
      rootItem(ContentRef.Embed, str('\uFEFF{}')),
    ];
    for (const item of cases)
      expectRejected(craft(...oneClient(1), ...item, NO_DELETES), 'invalid_json');
  });

  it('rejects references to the same client at or after the struct (Yjs throws half-way)', () => {
    const update = craft(
      ...oneClient(2),
      ...rootItem(ContentRef.String, str('ab')),
      byte(ContentRef.String | INFO_ORIGIN),
      varUint(CLIENT),
      varUint(5),
      str('cd'),
      NO_DELETES,
    );
    expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow();
    expectRejected(update, 'forward_reference');
    const parentIsSelf = craft(
      ...oneClient(1),
      byte(ContentRef.String),
      varUint(0),
      varUint(CLIENT),
      varUint(0),
      str('x'),
      NO_DELETES,
    );
    expectRejected(parentIsSelf, 'forward_reference');
  });

  it('rejects zero-length structs (they break the binary search in Yjs)', () => {
    // "a" at clock 0, "" at clock 1, then delete clock 0: findIndexSS computes 0 / 0.
    const update = craft(
      ...oneClient(2),
      ...rootItem(ContentRef.String, str('a')),
      ...rootItem(ContentRef.String, str('')),
      varUint(1),
      varUint(CLIENT),
      varUint(1),
      varUint(0),
      varUint(1),
    );
    expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow();
    expectRejected(update, 'zero_length_struct');
    expectRejected(
      craft(...oneClient(1), byte(ContentRef.GC), varUint(0), NO_DELETES),
      'zero_length_struct',
    );
  });

  it('rejects zero-length delete ranges (regression found by the fuzz test)', () => {
    const update = Uint8Array.from(Buffer.from('0001eaea8a4b0204000a8113', 'hex'));
    expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow();
    expectRejected(update, 'zero_length_delete_range');
  });

  it('rejects GC/Skip info bytes with flag bits (regression: mergeUpdates throws on them)', () => {
    const update = craft(
      varUint(1),
      varUint(2),
      varUint(CLIENT),
      varUint(0),
      byte(10 | 0x40),
      varUint(2),
      byte(0),
      varUint(1),
      NO_DELETES,
    );
    expect(() => Y.mergeUpdates([update, Y.encodeStateAsUpdate(new Y.Doc())])).toThrow();
    expectRejected(update, 'invalid_struct_info');
  });

  it('rejects a client that appears twice (Yjs would silently drop the first section)', () => {
    const section = [varUint(1), varUint(CLIENT), varUint(0), byte(ContentRef.GC), varUint(1)];
    expectRejected(craft(varUint(2), ...section, ...section, NO_DELETES), 'duplicate_client');
  });

  it('rejects parent info other than 0 (ID) and 1 (root name)', () => {
    expectRejected(
      craft(...oneClient(1), byte(ContentRef.String), varUint(2), str('x'), NO_DELETES),
      'invalid_parent_info',
    );
  });

  it('rejects sub-document options Yjs would spread into new Doc()', () => {
    const withOptions = (...options: Write[]) =>
      craft(...oneClient(1), ...rootItem(ContentRefDoc, str('guid'), ...options), NO_DELETES);
    expectRejected(withOptions(byte(AnyTag.Null)), 'invalid_subdoc_options');
    expectRejected(withOptions(any({ guid: 'hijacked' })), 'invalid_subdoc_options');
    expectRejected(withOptions(any({ gcFilter: 1 })), 'invalid_subdoc_options');
    expectRejected(withOptions(any({ autoLoad: 'yes' })), 'invalid_subdoc_options');
    expectAcceptedAndApplicable(withOptions(any({ gc: false, autoLoad: true, meta: { a: [1] } })));
  });

  it('rejects "__proto__" wherever it would become a property name', () => {
    const proto = '__proto__';
    const cases = [
      rootItem(
        ContentRefAny,
        varUint(1),
        byte(AnyTag.Object),
        varUint(1),
        str(proto),
        byte(AnyTag.Null),
      ),
      rootItem(ContentRef.Format, str(proto), str('true')),
      [byte(ContentRef.String), varUint(1), str(proto), str('x')],
      [byte(ContentRef.String | 0x20), varUint(1), str('root'), str(proto), str('x')],
    ];
    for (const item of cases)
      expectRejected(craft(...oneClient(1), ...item, NO_DELETES), 'forbidden_key');
  });

  it('enforces the configured maxima', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 10; i++) doc.getMap('m').set(`k${i}`, i);
    doc.getArray('a').insert(0, [1, 2, 3, 4, 5, 6]);
    doc.getArray('a').delete(1, 1);
    doc.getArray('a').delete(3, 1);
    const update = Y.encodeStateAsUpdate(doc);
    expectRejected(update, 'too_many_structs', { maxStructs: 5 });
    expectRejected(update, 'too_many_delete_ranges', { maxDeleteRanges: 1 });
    expectRejected(update, 'too_many_clients', { maxClients: 0 });
    // An explicit undefined must not switch a limit off.
    expectRejected(
      craft(...oneClient(1), byte(ContentRef.GC), varUint(2 ** 40), NO_DELETES),
      'length_out_of_bounds',
      { maxStructLength: undefined },
    );
  });
});

describe('validateUpdateV1 on truncated updates', () => {
  const samples = buildRealUpdateCorpus().filter((entry) => entry.name.endsWith('full state'));

  it.each(samples.map((entry) => [entry.name, entry.update] as const))(
    'never throws on a prefix of %s, and any prefix it accepts applies cleanly',
    (_, update) => {
      let accepted = 0;
      for (let length = 0; length < update.length; length++) {
        const prefix = update.subarray(0, length);
        const result = validateUpdateV1(prefix);
        if (result.ok) {
          accepted++;
          expect(() => Y.applyUpdate(new Y.Doc(), prefix)).not.toThrow();
        }
      }
      // A prefix can only be complete by coincidence (e.g. a count byte that reads as 0).
      expect(accepted).toBeLessThan(update.length / 10 + 1);
    },
  );
});
