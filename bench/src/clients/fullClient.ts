import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CountingWebSocket } from './countingWebSocket';
import { recordServerClose } from './serverCloses';
import type { WireDialectName } from './wireDialect';

/** The shared text every workload edits. */
export const TEXT_NAME = 'body';

/**
 * A real editor's view of a document: a Y.Doc synced by the stock provider for the server's
 * dialect (y-websocket's WebsocketProvider, or HocuspocusProvider for Hocuspocus, whose framing
 * the y-websocket provider does not speak). Both keep their default reconnect behaviour.
 */
export interface FullClient {
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  readonly awareness: Awareness;
  isSynced(): boolean;
  /** Called on every transition to synced, including after reconnects. */
  onSynced(listener: () => void): void;
  /** Called whenever the connection is lost. */
  onDisconnected(listener: () => void): void;
  destroy(): void;
}

export interface FullClientTarget {
  dialect: WireDialectName;
  /** ws://host:port/collab for y-websocket servers, ws://host:port for Hocuspocus. */
  baseUrl: string;
  docName: string;
}

function connectWithWebsocketProvider(target: FullClientTarget): FullClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.baseUrl, target.docName, doc, {
    disableBc: true,
    WebSocketPolyfill: CountingWebSocket as unknown as typeof WebSocket,
  });
  // `event` is null when the provider closed the socket itself.
  provider.on('connection-close', (event: { code: number } | null) => {
    if (event !== null) recordServerClose(event.code);
  });
  return {
    doc,
    text: doc.getText(TEXT_NAME),
    awareness: provider.awareness,
    isSynced: () => provider.synced,
    onSynced: (listener) =>
      provider.on('sync', (isSynced: boolean) => {
        if (isSynced) listener();
      }),
    onDisconnected: (listener) =>
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') listener();
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

function connectWithHocuspocusProvider(target: FullClientTarget): FullClient {
  const doc = new Y.Doc();
  // One socket per client, as a browser tab has; built explicitly to hand it the polyfill.
  const socket = new HocuspocusProviderWebsocket({
    url: target.baseUrl,
    WebSocketPolyfill: CountingWebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: target.docName,
    document: doc,
  });
  provider.attach();
  let destroyed = false;
  provider.on('close', ({ event }: { event: { code: number } }) => {
    if (!destroyed) recordServerClose(event.code);
  });
  const awareness = provider.awareness;
  if (awareness === null) throw new Error('HocuspocusProvider created no awareness');
  return {
    doc,
    text: doc.getText(TEXT_NAME),
    awareness,
    isSynced: () => provider.isSynced,
    onSynced: (listener) =>
      provider.on('synced', ({ state }: { state: boolean }) => {
        if (state) listener();
      }),
    onDisconnected: (listener) => provider.on('disconnect', () => listener()),
    destroy: () => {
      destroyed = true;
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export function connectFullClient(target: FullClientTarget): FullClient {
  return target.dialect === 'hocuspocus'
    ? connectWithHocuspocusProvider(target)
    : connectWithWebsocketProvider(target);
}
