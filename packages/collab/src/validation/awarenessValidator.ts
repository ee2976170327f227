import * as encoding from 'lib0/encoding';
import { BoundedReader, InputRejected } from './boundedReader';
import type { ReadFailureReason } from './boundedReader';

/**
 * Validation of y-protocols awareness updates from untrusted clients.
 *
 * Wire format (y-protocols awareness.js `encodeAwarenessUpdate`): varUint entry count, then per
 * entry varUint clientID, varUint clock, varString JSON state, where "null" means the client
 * left. `applyAwarenessUpdate` JSON.parses each state with lib0's unchecked decoder, so the
 * server validates first and forwards only what it re-encodes itself.
 */

export type AwarenessRejection =
  | ReadFailureReason
  | 'empty'
  | 'trailing_bytes'
  | 'too_many_entries'
  | 'state_too_large'
  | 'invalid_json'
  | 'invalid_state';

export interface AwarenessLimits {
  /**
   * Entries per message. A client publishes its own state, but stock y-websocket clients also
   * echo back every remote change they receive, in one message: a busy room's echo can list
   * hundreds of clients. The message size limit bounds the rest.
   */
  readonly maxEntries: number;
  /** UTF-8 bytes of one entry's JSON state. */
  readonly maxStateBytes: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = Object.freeze({
  maxEntries: 10_000,
  maxStateBytes: 4096,
});

/** A state is a JSON object; `null` announces that the client went away. */
export type AwarenessState = Record<string, unknown>;

/**
 * One entry, with its state still undecoded: most entries a server receives are echoes it drops
 * on their clock alone, so the JSON is only parsed (with {@link parseAwarenessState}) for the few
 * it keeps.
 */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The state's JSON text as received (a view into the message). */
  readonly stateUtf8: Uint8Array;
  /** True when the state is `null`: the client went away. */
  readonly isNull: boolean;
}

export type AwarenessStateResult =
  | { readonly ok: true; readonly state: AwarenessState | null }
  | { readonly ok: false; readonly reason: AwarenessRejection; readonly detail: string };

export type AwarenessValidationResult =
  | { readonly ok: true; readonly entries: AwarenessEntry[] }
  | { readonly ok: false; readonly reason: AwarenessRejection; readonly detail: string };

export function validateAwarenessUpdate(
  bytes: Uint8Array,
  limits?: Partial<AwarenessLimits>,
): AwarenessValidationResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'update has no bytes' };
  const maxEntries = limits?.maxEntries ?? DEFAULT_AWARENESS_LIMITS.maxEntries;
  const maxStateBytes = limits?.maxStateBytes ?? DEFAULT_AWARENESS_LIMITS.maxStateBytes;
  const reader = new BoundedReader(bytes);
  const reject = (reason: AwarenessRejection, detail: string): never => reader.fail(reason, detail);
  try {
    const count = reader.readCount('awareness entry');
    if (count > maxEntries) reject('too_many_entries', `${count} entries, limit ${maxEntries}`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = reader.readVarUint();
      const clock = reader.readVarUint();
      const stateUtf8 = reader.readVarUint8ArrayView();
      // Checked before decoding so an oversized state costs no string allocation.
      if (stateUtf8.length > maxStateBytes) {
        reject('state_too_large', `state of ${stateUtf8.length} bytes, limit ${maxStateBytes}`);
      }
      entries.push({ clientId, clock, stateUtf8, isNull: isJsonNull(stateUtf8) });
    }
    if (reader.remaining() > 0) {
      reject('trailing_bytes', `${reader.remaining()} bytes after the last entry`);
    }
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof InputRejected) {
      // Every reason thrown above is a member of AwarenessRejection (see `reject`).
      return { ok: false, reason: error.reason as AwarenessRejection, detail: error.message };
    }
    throw error;
  }
}

/** Encodes entries in the format `applyAwarenessUpdate` reads. */
export function encodeAwarenessEntries(
  entries: ReadonlyArray<{ clientId: number; clock: number; state: AwarenessState | null }>,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

const NULL_UTF8 = [0x6e, 0x75, 0x6c, 0x6c]; // "null"

function isJsonNull(bytes: Uint8Array): boolean {
  return bytes.length === 4 && NULL_UTF8.every((byte, i) => bytes[i] === byte);
}

/** Decodes and checks one entry's state: valid UTF-8, JSON, an object or null. */
export function parseAwarenessState(entry: AwarenessEntry): AwarenessStateResult {
  if (entry.isNull) return { ok: true, state: null };
  const reader = new BoundedReader(entry.stateUtf8);
  let json: string;
  try {
    json = reader.decodeUtf8View(entry.stateUtf8);
  } catch (error) {
    if (error instanceof InputRejected) {
      return { ok: false, reason: error.reason as AwarenessRejection, detail: error.message };
    }
    throw error;
  }
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'invalid_json', detail: 'state is not JSON' };
  }
  if (state === null) return { ok: true, state: null };
  if (typeof state !== 'object' || Array.isArray(state)) {
    return { ok: false, reason: 'invalid_state', detail: 'state is neither an object nor null' };
  }
  return { ok: true, state: state as AwarenessState };
}
