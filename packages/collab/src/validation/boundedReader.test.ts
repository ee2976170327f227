import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { BoundedReader, InputRejected } from './boundedReader';

function readerOf(...bytes: number[]): BoundedReader {
  return new BoundedReader(Uint8Array.from(bytes));
}

function encodedVarUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

function rejectionOf(read: () => unknown): string | undefined {
  try {
    read();
    return undefined;
  } catch (error) {
    if (error instanceof InputRejected) return error.reason;
    throw error;
  }
}

describe('BoundedReader', () => {
  it('reads varUints exactly as lib0 writes them, up to Number.MAX_SAFE_INTEGER', () => {
    for (const value of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
      const reader = new BoundedReader(encodedVarUint(value));
      expect(reader.readVarUint()).toBe(value);
      expect(reader.remaining()).toBe(0);
    }
  });

  it('rejects varUints above 2^53 and ones that never terminate', () => {
    expect(rejectionOf(() => new BoundedReader(encodedVarUint(2 ** 53)).readVarUint())).toBe(
      'integer_overflow',
    );
    const endless = new Array<number>(64).fill(0xff);
    expect(rejectionOf(() => readerOf(...endless).readVarUint())).toBe('integer_overflow');
    expect(rejectionOf(() => readerOf(0x80, 0x80).readVarUint())).toBe('truncated');
    expect(rejectionOf(() => readerOf().readUint8())).toBe('truncated');
  });

  it('rejects counts larger than the bytes left', () => {
    expect(readerOf(2, 0, 0).readCount('thing')).toBe(2);
    expect(rejectionOf(() => readerOf(3, 0, 0).readCount('thing'))).toBe('count_out_of_bounds');
  });

  it('counts UTF-16 code units the way Yjs measures strings, byte order marks included', () => {
    const text = '\uFEFFa😀é' + 'x'.repeat(100);
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, text);
    encoding.writeVarString(encoder, 'ascii');
    const reader = new BoundedReader(encoding.toUint8Array(encoder));
    expect(reader.readVarStringUtf16Length()).toBe(text.length);
    expect(reader.readVarStringUtf16Length()).toBe(5);
  });

  it('rejects invalid UTF-8 in short and long strings', () => {
    const invalidSequences = [
      [0xc3, 0x28], // broken two-byte sequence
      [0xc0, 0xaf], // overlong encoding of '/'
      [0xed, 0xa0, 0x80], // UTF-16 surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
    ];
    for (const sequence of invalidSequences) {
      for (const padding of [0, 100]) {
        const payload = [...new Array<number>(padding).fill(0x61), ...sequence];
        const bytes = [...encodedVarUint(payload.length), ...payload];
        expect(rejectionOf(() => readerOf(...bytes).readVarStringUtf16Length())).toBe(
          'invalid_utf8',
        );
      }
    }
  });

  it('rejects strings whose length runs past the end', () => {
    expect(rejectionOf(() => readerOf(5, 0x61, 0x62).readVarString())).toBe('string_too_long');
  });

  it('compares a string with an ASCII literal without accepting invalid UTF-8', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, '__proto__');
    encoding.writeVarString(encoder, 'other');
    const reader = new BoundedReader(encoding.toUint8Array(encoder));
    expect(reader.readVarStringEqualsAscii('__proto__')).toBe(true);
    expect(reader.readVarStringEqualsAscii('__proto__')).toBe(false);
    expect(rejectionOf(() => readerOf(2, 0xc3, 0x28).readVarStringEqualsAscii('ab'))).toBe(
      'invalid_utf8',
    );
  });
});
