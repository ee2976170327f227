import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The two framings spoken by the servers under test. Atelier and the y-websocket reference
 * server speak the plain y-websocket protocol (document name in the URL). Hocuspocus multiplexes
 * documents over one socket, so every frame starts with the document name, and it queues
 * everything until it has seen an auth frame.
 */
export type WireDialectName = 'y-websocket' | 'hocuspocus';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus only: a sync reply that must not trigger another step 1. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;

export interface WireDialect {
  readonly name: WireDialectName;
  /** Where a raw socket for `docName` connects, given the server's sync base URL. */
  socketUrl(baseUrl: string, docName: string): string;
  /** Frames a client sends right after the socket opens, before anything else. */
  openingFrames(docName: string): Uint8Array[];
  syncStep1(docName: string, stateVector: Uint8Array): Uint8Array;
  update(docName: string, update: Uint8Array): Uint8Array;
  awareness(docName: string, awarenessUpdate: Uint8Array): Uint8Array;
  /** The document update inside a sync step 2 frame, or null when the frame is something else. */
  readSyncStep2(frame: Uint8Array): Uint8Array | null;
}

function frame(docName: string | null, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (docName !== null) encoding.writeVarString(encoder, docName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function readStep2Body(decoder: decoding.Decoder, acceptedTypes: readonly number[]) {
  const messageType = decoding.readVarUint(decoder);
  if (!acceptedTypes.includes(messageType)) return null;
  if (decoding.readVarUint(decoder) !== SYNC_STEP_2) return null;
  return decoding.readVarUint8Array(decoder);
}

function makeDialect(name: WireDialectName): WireDialect {
  // y-websocket frames carry no document name; Hocuspocus frames start with it.
  const address = (docName: string) => (name === 'hocuspocus' ? docName : null);
  return {
    name,
    socketUrl: (baseUrl, docName) => (name === 'hocuspocus' ? baseUrl : `${baseUrl}/${docName}`),
    openingFrames: (docName) =>
      name === 'hocuspocus'
        ? [
            frame(docName, (encoder) => {
              encoding.writeVarUint(encoder, MESSAGE_AUTH);
              encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
              encoding.writeVarString(encoder, '');
            }),
          ]
        : [],
    syncStep1: (docName, stateVector) =>
      frame(address(docName), (encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, SYNC_STEP_1);
        encoding.writeVarUint8Array(encoder, stateVector);
      }),
    update: (docName, update) =>
      frame(address(docName), (encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, SYNC_UPDATE);
        encoding.writeVarUint8Array(encoder, update);
      }),
    awareness: (docName, awarenessUpdate) =>
      frame(address(docName), (encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, awarenessUpdate);
      }),
    readSyncStep2: (bytes) => {
      try {
        const decoder = decoding.createDecoder(bytes);
        if (name === 'hocuspocus') {
          decoding.readVarString(decoder);
          return readStep2Body(decoder, [MESSAGE_SYNC, MESSAGE_SYNC_REPLY]);
        }
        return readStep2Body(decoder, [MESSAGE_SYNC]);
      } catch {
        // A frame we cannot parse is by definition not the sync step 2 we wait for.
        return null;
      }
    },
  };
}

export const wireDialects: Readonly<Record<WireDialectName, WireDialect>> = {
  'y-websocket': makeDialect('y-websocket'),
  hocuspocus: makeDialect('hocuspocus'),
};

/**
 * An awareness update announcing one client's state, encoded by hand so lightweight sockets
 * need no Awareness instance: entries count, then (clientId, clock, JSON state).
 */
export function encodeSingleAwarenessUpdate(clientId: number, clock: number, state: unknown) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}
