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
  /** Entries per message; a client publishes its own state, so a handful at most. */
  readonly maxEntries: number;
  /** UTF-8 bytes of one entry's JSON state. */
  readonly maxStateBytes: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = Object.freeze({
  maxEntries: 8,
  maxStateBytes: 4096,
});

/** A state is a JSON object; `null` announces that the client went away. */
export type AwarenessState = Record<string, unknown>;

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: AwarenessState | null;
  /** UTF-8 length of the state as received, for accounting. */
  readonly stateBytes: number;
}

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
      const state = parseState(reader.decodeUtf8View(stateUtf8), reject);
      entries.push({ clientId, clock, state, stateBytes: stateUtf8.length });
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

/** Encodes entries in the format `applyAwarenessUpdate` reads; `stateBytes` is ignored. */
export function encodeAwarenessEntries(
  entries: ReadonlyArray<Pick<AwarenessEntry, 'clientId' | 'clock' | 'state'>>,
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

function parseState(
  json: string,
  reject: (reason: AwarenessRejection, detail: string) => never,
): AwarenessState | null {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return reject('invalid_json', 'state is not JSON');
  }
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) {
    return reject('invalid_state', 'state is neither an object nor null');
  }
  return state as AwarenessState;
}
