import { CollabMessageType } from '@atelier/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One awareness entry as y-protocols encodes it: client id, clock, JSON state ("null" = gone). */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: Record<string, unknown> | null;
}

export type AwarenessStates = Map<number, { clock: number; state: Record<string, unknown> }>;

/** The frame asking the server for everyone's presence (y-websocket's "query awareness"). */
export function queryAwarenessFrame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.QueryAwareness);
  return encoding.toUint8Array(encoder);
}

/**
 * The awareness entries of a server frame, or null for frames of another type (document
 * updates, access state), which a presence-only listener ignores. Decoding by hand with lib0
 * keeps Yjs out of the consultation page's bundle.
 */
export function readAwarenessFrame(frame: Uint8Array): AwarenessEntry[] | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== CollabMessageType.Awareness) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    const json = decoding.readVarString(update);
    entries.push({ clientId, clock, state: parseState(json) });
  }
  return entries;
}

function parseState(json: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Applies entries as y-protocols does: a newer clock wins; a null state removes the client. */
export function applyAwarenessEntries(
  states: AwarenessStates,
  entries: readonly AwarenessEntry[],
): boolean {
  let changed = false;
  for (const entry of entries) {
    const known = states.get(entry.clientId);
    if (known && known.clock > entry.clock) continue;
    if (entry.state === null) {
      changed = states.delete(entry.clientId) || changed;
    } else {
      states.set(entry.clientId, { clock: entry.clock, state: entry.state });
      changed = true;
    }
  }
  return changed;
}
