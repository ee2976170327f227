import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { eventually } from './eventually';

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  destroy(): void;
}

/** A stock y-websocket provider in Node, as the brief requires: no BroadcastChannel, `ws` polyfill. */
export function connectClient(
  port: number,
  docName: string,
  user: string | null,
  options: { connect?: boolean } = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, docName, doc, {
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: user ? { user } : {},
    maxBackoffTime: 300,
    connect: options.connect ?? true,
  });
  return {
    doc,
    provider,
    text: doc.getText('draft'),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitForSync(client: TestClient, timeoutMs = 5_000): Promise<void> {
  await eventually(
    () => {
      if (!client.provider.synced) throw new Error('not synced yet');
    },
    { timeoutMs },
  );
}

/** Loads the document as a brand-new client would, then disconnects. */
export async function readAsFreshClient(
  port: number,
  docName: string,
  user = 'reader',
): Promise<string> {
  const client = connectClient(port, docName, user);
  try {
    await waitForSync(client);
    return client.text.toString();
  } finally {
    client.destroy();
  }
}
