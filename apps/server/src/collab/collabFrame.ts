import { BoundedReader, InputRejected } from '@atelier/collab';
import { CollabMessageType, SyncMessageType } from '@atelier/protocol';

/**
 * Decodes the outer envelope of one y-websocket frame from an untrusted client. lib0's decoder
 * does not check bounds (a truncated varUint reads `undefined` forever), so the envelope is read
 * with the validators' bounded reader; the Yjs payload itself is validated before it is applied.
 */
export type CollabFrame =
  | { readonly kind: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' };

export type FrameParseResult =
  | { readonly ok: true; readonly frame: CollabFrame }
  | { readonly ok: false; readonly detail: string };

const MAX_STATE_VECTOR_CLIENTS = 100_000;

export function parseCollabFrame(bytes: Uint8Array): FrameParseResult {
  try {
    return { ok: true, frame: readFrame(new BoundedReader(bytes)) };
  } catch (error) {
    if (error instanceof InputRejected) return { ok: false, detail: error.message };
    throw error;
  }
}

function readFrame(reader: BoundedReader): CollabFrame {
  const messageType = reader.readVarUint();
  switch (messageType) {
    case CollabMessageType.Sync:
      return readSync(reader);
    case CollabMessageType.Awareness:
      return requireEnd(reader, { kind: 'awareness', update: reader.readVarUint8ArrayView() });
    case CollabMessageType.QueryAwareness:
      return requireEnd(reader, { kind: 'query-awareness' });
    default:
      return reader.fail('unknown_message_type', `unknown message type ${messageType}`);
  }
}

function readSync(reader: BoundedReader): CollabFrame {
  const syncType = reader.readVarUint();
  const payload = reader.readVarUint8ArrayView();
  requireEnd(reader, null);
  switch (syncType) {
    case SyncMessageType.Step1:
      checkStateVector(payload);
      return { kind: 'sync-step-1', stateVector: payload };
    case SyncMessageType.Step2:
      return { kind: 'sync-step-2', update: payload };
    case SyncMessageType.Update:
      return { kind: 'update', update: payload };
    default:
      return reader.fail('unknown_sync_type', `unknown sync message type ${syncType}`);
  }
}

/** A state vector is a count followed by (client, clock) pairs, nothing more. */
function checkStateVector(bytes: Uint8Array): void {
  const reader = new BoundedReader(bytes);
  const clients = reader.readCount('state vector client');
  if (clients > MAX_STATE_VECTOR_CLIENTS) reader.fail('too_many_clients', 'malformed state vector');
  for (let i = 0; i < clients; i += 1) {
    reader.readVarUint();
    reader.readVarUint();
  }
  requireEnd(reader, null);
}

function requireEnd<T>(reader: BoundedReader, value: T): T {
  if (reader.remaining() > 0) reader.fail('trailing_bytes', 'trailing bytes');
  return value;
}
