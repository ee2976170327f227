/**
 * A strict reader for the lib0 binary encoding used by Yjs and y-protocols.
 *
 * lib0's own decoder trusts its input: reading past the end yields `undefined`, which turns
 * into `NaN` loop bounds and endless loops inside Yjs. This reader checks every read against
 * the end of the buffer and rejects integers that cannot be represented exactly, so a walk
 * over untrusted bytes always terminates in time proportional to the input length.
 *
 * Failures are thrown as {@link InputRejected}; the validators catch them at their boundary
 * and turn them into result values. Throwing keeps the happy path free of result checks.
 */

/** Reasons the reader itself can give; each validator's rejection union includes these. */
export type ReadFailureReason =
  'truncated' | 'integer_overflow' | 'count_out_of_bounds' | 'string_too_long' | 'invalid_utf8';

/** Thrown inside a validation walk; never escapes the validators' public functions. */
export class InputRejected extends Error {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'InputRejected';
  }
}

/**
 * `fatal` makes malformed UTF-8 throw instead of becoming U+FFFD, matching lib0's decoder.
 * `ignoreBOM` keeps a leading U+FEFF in the string, also like lib0: stripping it would change
 * the UTF-16 length we compute for Yjs clocks and what JSON.parse sees.
 */
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Strings at least this long are checked by TextDecoder directly: its native scan outruns a
// JavaScript byte loop once the per-call overhead is amortised.
const NATIVE_UTF8_SCAN_MIN_BYTES = 64;

// After eight 7-bit groups (56 bits) no further group can keep a value at or below 2^53.
const MAX_VAR_UINT_MULTIPLIER = 2 ** 56;

export class BoundedReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  remaining(): number {
    return this.bytes.length - this.position;
  }

  readUint8(): number {
    if (this.position >= this.bytes.length) this.fail('truncated', 'expected a byte');
    return this.bytes[this.position++]!;
  }

  skipBytes(count: number): void {
    if (count > this.remaining()) this.fail('truncated', `expected ${count} more bytes`);
    this.position += count;
  }

  /** Unsigned LEB128 as written by lib0 `writeVarUint`; at most Number.MAX_SAFE_INTEGER. */
  readVarUint(): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let value = 0;
    let multiplier = 1;
    for (;;) {
      if (this.position >= length) this.fail('truncated', 'varUint runs past the end');
      const byte = bytes[this.position++]!;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) this.fail('integer_overflow', 'varUint above 2^53');
        return value;
      }
      multiplier *= 128;
      if (multiplier >= MAX_VAR_UINT_MULTIPLIER) {
        this.fail('integer_overflow', 'varUint longer than 8 bytes');
      }
    }
  }

  /** Signed varInt as written by lib0 `writeVarInt` (6 value bits + sign in the first byte). */
  skipVarInt(): void {
    const first = this.readUint8();
    if (first < 0x80) return;
    let value = first & 0x3f;
    let multiplier = 64;
    for (;;) {
      const byte = this.readUint8();
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) this.fail('integer_overflow', 'varInt above 2^53');
        return;
      }
      multiplier *= 128;
      if (multiplier >= MAX_VAR_UINT_MULTIPLIER) {
        this.fail('integer_overflow', 'varInt longer than 8 bytes');
      }
    }
  }

  /**
   * A count of following elements. Every element occupies at least one byte, so a count larger
   * than what is left is a lie; rejecting it stops loops and allocations sized by the attacker.
   */
  readCount(what: string): number {
    const count = this.readVarUint();
    if (count > this.remaining()) {
      this.fail('count_out_of_bounds', `${what} count ${count} exceeds the remaining bytes`);
    }
    return count;
  }

  /** Length prefix of a varString or varUint8Array; returns the start of the payload. */
  private readPayloadStart(what: string): number {
    const byteLength = this.readVarUint();
    if (byteLength > this.remaining()) {
      this.fail('string_too_long', `${what} of ${byteLength} bytes runs past the end`);
    }
    const start = this.position;
    this.position += byteLength;
    return start;
  }

  skipVarUint8Array(): void {
    this.readPayloadStart('byte array');
  }

  /** A view (not a copy) of the next varUint8Array's payload. */
  readVarUint8ArrayView(): Uint8Array {
    const start = this.readPayloadStart('byte array');
    return this.bytes.subarray(start, this.position);
  }

  /** Validates a varString and returns its length in UTF-16 code units (what Yjs counts). */
  readVarStringUtf16Length(): number {
    const start = this.readPayloadStart('string');
    const end = this.position;
    if (end - start < NATIVE_UTF8_SCAN_MIN_BYTES && this.isAscii(start, end)) return end - start;
    return this.decodeUtf8(start, end).length;
  }

  /** Validates a varString without materialising it when it is short ASCII. */
  skipVarString(): void {
    this.readVarStringUtf16Length();
  }

  readVarString(): string {
    const start = this.readPayloadStart('string');
    return this.decodeUtf8(start, this.position);
  }

  /** Decodes a view obtained from this reader, failing with 'invalid_utf8'. */
  decodeUtf8View(view: Uint8Array): string {
    try {
      return strictUtf8Decoder.decode(view);
    } catch {
      return this.fail('invalid_utf8', 'string is not valid UTF-8');
    }
  }

  /** Validates a varString and tells whether it equals `expected` (an ASCII literal). */
  readVarStringEqualsAscii(expected: string): boolean {
    const start = this.readPayloadStart('string');
    const end = this.position;
    if (end - start === expected.length) {
      let equal = true;
      for (let i = 0; i < expected.length; i++) {
        if (this.bytes[start + i] !== expected.charCodeAt(i)) {
          equal = false;
          break;
        }
      }
      if (equal) return true;
    }
    if (end - start >= NATIVE_UTF8_SCAN_MIN_BYTES || !this.isAscii(start, end)) {
      this.decodeUtf8(start, end);
    }
    return false;
  }

  fail(reason: string, detail: string): never {
    throw new InputRejected(reason, `${detail} (at byte ${this.position})`);
  }

  private isAscii(start: number, end: number): boolean {
    const bytes = this.bytes;
    for (let i = start; i < end; i++) {
      if (bytes[i]! >= 0x80) return false;
    }
    return true;
  }

  private decodeUtf8(start: number, end: number): string {
    return this.decodeUtf8View(this.bytes.subarray(start, end));
  }
}
