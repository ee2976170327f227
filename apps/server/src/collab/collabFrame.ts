import { CollabMessageType, SyncMessageType } from '@atelier/protocol';

/**
 * Decodes the outer envelope of one y-websocket frame from an untrusted client. lib0's decoder
 * does not check bounds (a truncated varUint reads `undefined` forever), so the envelope is read
 * here with explicit checks; the Yjs payload itself is validated separately before it is applied.
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
  const reader = new EnvelopeReader(bytes);
  const messageType = reader.varUint();
  if (messageType === null) return fail('empty or truncated message type');
  switch (messageType) {
    case CollabMessageType.Sync:
      return parseSync(reader);
    case CollabMessageType.Awareness: {
      const update = reader.lengthPrefixedBytes();
      if (update === null) return fail('truncated awareness payload');
      return reader.atEnd() ? ok({ kind: 'awareness', update }) : fail('trailing bytes');
    }
    case CollabMessageType.QueryAwareness:
      return reader.atEnd() ? ok({ kind: 'query-awareness' }) : fail('trailing bytes');
    default:
      return fail(`unknown message type ${messageType}`);
  }
}

function parseSync(reader: EnvelopeReader): FrameParseResult {
  const syncType = reader.varUint();
  const payload = reader.lengthPrefixedBytes();
  if (syncType === null || payload === null) return fail('truncated sync message');
  if (!reader.atEnd()) return fail('trailing bytes');
  switch (syncType) {
    case SyncMessageType.Step1:
      return isWellFormedStateVector(payload)
        ? ok({ kind: 'sync-step-1', stateVector: payload })
        : fail('malformed state vector');
    case SyncMessageType.Step2:
      return ok({ kind: 'sync-step-2', update: payload });
    case SyncMessageType.Update:
      return ok({ kind: 'update', update: payload });
    default:
      return fail(`unknown sync message type ${syncType}`);
  }
}

/** A state vector is a count followed by (client, clock) pairs, nothing more. */
function isWellFormedStateVector(bytes: Uint8Array): boolean {
  const reader = new EnvelopeReader(bytes);
  const clients = reader.varUint();
  if (clients === null || clients > MAX_STATE_VECTOR_CLIENTS) return false;
  if (clients * 2 > reader.remaining()) return false;
  for (let i = 0; i < clients; i += 1) {
    if (reader.varUint() === null || reader.varUint() === null) return false;
  }
  return reader.atEnd();
}

function ok(frame: CollabFrame): FrameParseResult {
  return { ok: true, frame };
}

function fail(detail: string): FrameParseResult {
  return { ok: false, detail };
}

/** Minimal bounds-checked reader for the envelope: every read returns null instead of overrunning. */
class EnvelopeReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  remaining(): number {
    return this.bytes.length - this.position;
  }

  atEnd(): boolean {
    return this.position === this.bytes.length;
  }

  varUint(): number | null {
    let value = 0;
    let multiplier = 1;
    // 8 bytes of 7 bits cover 2^53; anything longer is not a safe integer.
    for (let i = 0; i < 8; i += 1) {
      const byte = this.bytes[this.position];
      if (byte === undefined) return null;
      this.position += 1;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value <= Number.MAX_SAFE_INTEGER ? value : null;
      multiplier *= 128;
    }
    return null;
  }

  lengthPrefixedBytes(): Uint8Array | null {
    const length = this.varUint();
    if (length === null || length > this.remaining()) return null;
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }
}
