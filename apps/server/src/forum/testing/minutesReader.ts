import { $getRoot } from 'lexical';
import { expect } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { bindHeadlessDraftEditor } from '@atelier/collab/draft-editor';
import { webSocketWithCookie } from '../../testing/cookieWebSocket';
import { eventually } from '../../testing/eventually';

/** The minutes as a brand-new y-websocket client reads them (with Lexical, as the web does). */
export async function readMinutes(port: number, docName: string, cookie: string): Promise<string> {
  const doc = new Y.Doc();
  const editor = bindHeadlessDraftEditor(doc, 'reader');
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, docName, doc, {
    disableBc: true,
    WebSocketPolyfill: webSocketWithCookie(cookie),
  });
  try {
    await eventually(() => expect(provider.synced).toBe(true));
    return editor.editor.read(() => $getRoot().getTextContent());
  } finally {
    provider.destroy();
    editor.dispose();
    doc.destroy();
  }
}
