import type { BoundedReader } from './boundedReader';

/** Reasons specific to lib0 `Any` values (the encoding of Y.Map/Y.Array JSON-like content). */
export type AnyValueRejection = 'unknown_any_tag' | 'nesting_too_deep' | 'forbidden_key';

/** Type tags of lib0 `writeAny` / `readAny` (decoding.js `readAnyLookupTable`, 127 downwards). */
export const AnyTag = {
  Undefined: 127,
  Null: 126,
  VarInt: 125,
  Float32: 124,
  Float64: 123,
  BigInt64: 122,
  False: 121,
  True: 120,
  String: 119,
  Object: 118,
  Array: 117,
  Uint8Array: 116,
} as const;

/**
 * lib0 builds decoded objects with `obj[key] = value`; the key `__proto__` would replace the
 * object's prototype instead of adding a property. Yjs never needs it, so it is refused
 * wherever a key becomes a property name (Any objects, map keys, root names, format keys).
 */
export const FORBIDDEN_KEY = '__proto__';

/**
 * Walks one `Any` value without building it. `depth` is the number of arrays/objects that
 * enclose the value; lib0's readAny recurses per container, so the bound also keeps Yjs's
 * own read from overflowing the stack.
 */
export function skipAnyValue(reader: BoundedReader, depth: number, maxDepth: number): void {
  const tag = reader.readUint8();
  switch (tag) {
    case AnyTag.Undefined:
    case AnyTag.Null:
    case AnyTag.False:
    case AnyTag.True:
      return;
    case AnyTag.VarInt:
      reader.skipVarInt();
      return;
    case AnyTag.Float32:
      reader.skipBytes(4);
      return;
    case AnyTag.Float64:
    case AnyTag.BigInt64:
      reader.skipBytes(8);
      return;
    case AnyTag.String:
      reader.skipVarString();
      return;
    case AnyTag.Uint8Array:
      reader.skipVarUint8Array();
      return;
    case AnyTag.Object: {
      if (depth >= maxDepth) reader.fail('nesting_too_deep', `Any nesting deeper than ${maxDepth}`);
      const keyCount = reader.readCount('object key');
      for (let i = 0; i < keyCount; i++) {
        skipPropertyKey(reader);
        skipAnyValue(reader, depth + 1, maxDepth);
      }
      return;
    }
    case AnyTag.Array: {
      if (depth >= maxDepth) reader.fail('nesting_too_deep', `Any nesting deeper than ${maxDepth}`);
      const length = reader.readCount('array element');
      for (let i = 0; i < length; i++) skipAnyValue(reader, depth + 1, maxDepth);
      return;
    }
    default:
      reader.fail('unknown_any_tag', `unknown Any type tag ${tag}`);
  }
}

export function skipPropertyKey(reader: BoundedReader): void {
  if (reader.readVarStringEqualsAscii(FORBIDDEN_KEY)) {
    reader.fail('forbidden_key', `key "${FORBIDDEN_KEY}" is not allowed`);
  }
}
