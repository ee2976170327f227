import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { AccessStatePayload, EditsRefusedPayload } from '@atelier/protocol';
import { AuthMessageType, CollabMessageType, SyncMessageType } from '@atelier/protocol';

/**
 * Encoders for what the server sends. Each returns the full frame, encoded once and then
 * handed to every recipient as the same bytes.
 */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSyncMessage(SyncMessageType.Step1, Y.encodeStateVector(doc));
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SyncMessageType.Step2, update);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SyncMessageType.Update, update);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

export function encodeAccessStateMessage(payload: AccessStatePayload): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Auth);
  encoding.writeVarUint(encoder, AuthMessageType.AccessState);
  encoding.writeVarString(encoder, JSON.stringify(payload));
  return encoding.toUint8Array(encoder);
}

export function encodeEditsRefusedMessage(payload: EditsRefusedPayload): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Auth);
  encoding.writeVarUint(encoder, AuthMessageType.EditsRefused);
  encoding.writeVarString(encoder, JSON.stringify(payload));
  return encoding.toUint8Array(encoder);
}

export interface RelayedAwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** JSON text of the state, `null` when the client left. */
  readonly stateJson: string | null;
}

/** The y-protocols awareness update format: count, then (client id, clock, JSON state). */
export function encodeRelayedAwareness(entries: Iterable<RelayedAwarenessEntry>): Uint8Array {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const entry of list) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson ?? 'null');
  }
  return encoding.toUint8Array(encoder);
}

function encodeSyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
