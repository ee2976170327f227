import WebSocket from 'ws';
import { encoding } from 'lib0';
import { CollabMessageType, SyncMessageType } from '@atelier/protocol';

/**
 * A raw WebSocket on the collab endpoint, for sending what no well-behaved provider would:
 * the hostile-input tests speak the wire format by hand.
 */
export interface RawCollabSocket {
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | string): void;
}

export async function openRawSocket(
  port: number,
  docName: string,
  user: string,
): Promise<RawCollabSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/collab/${docName}?user=${user}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
  return {
    socket,
    closed,
    send: (bytes) => socket.send(bytes, { binary: typeof bytes !== 'string' }),
  };
}

export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(SyncMessageType.Update, update);
}

export function awarenessFrame(
  entries: Array<{ clientId: number; clock: number; state: string }>,
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.state);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}
