import { bindHeadlessDraftEditor, type HeadlessDraftEditor } from '@atelier/collab/draft-editor';
import { COLLAB_PATH_PREFIX } from '@atelier/protocol';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isTextNode,
  type LexicalNode,
} from 'lexical';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The `ws` client presenting a session cookie at the upgrade, as a signed-in browser tab does. */
function webSocketWithCookie(cookieHeader: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie: cookieHeader } });
    }
  };
}

export interface WriterTarget {
  /** ws://host:port */
  wsOrigin: string;
  docName: string;
  cookieHeader: string;
}

/**
 * Someone else writing the draft: a headless Lexical editor bound to a Y.Doc that the stock
 * y-websocket provider syncs, so every edit is a Lexical edit (valid for every other client's
 * editor), not raw Yjs. Each writer grows its own paragraph, under one section heading, by a
 * short token per edit. It announces itself in awareness (the presence list) without a cursor:
 * publishing Lexical cursor positions needs the binding's DOM-side selection code.
 */
export class LexicalWriter {
  private readonly doc = new Y.Doc();
  private readonly draft: HeadlessDraftEditor;
  private readonly provider: WebsocketProvider;
  private textKey: string | null = null;
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Close codes of connections the server ended. */
  readonly serverCloses: number[] = [];

  constructor(
    target: WriterTarget,
    private readonly writerIndex: number,
  ) {
    // Bound before the provider syncs: the binding renders only content that arrives after it.
    this.draft = bindHeadlessDraftEditor(this.doc);
    this.provider = new WebsocketProvider(
      `${target.wsOrigin}${COLLAB_PATH_PREFIX.slice(0, -1)}`,
      target.docName,
      this.doc,
      {
        disableBc: true,
        WebSocketPolyfill: webSocketWithCookie(
          target.cookieHeader,
        ) as unknown as typeof globalThis.WebSocket,
      },
    );
    // `event` is null when the provider closed the socket itself.
    this.provider.on('connection-close', (event: { code: number } | null) => {
      if (event !== null) this.serverCloses.push(event.code);
    });
    this.provider.awareness.setLocalState({
      name: `writer ${writerIndex}`,
      color: '#3a3a8c',
      focusing: false,
      anchorPos: null,
      focusPos: null,
      awarenessData: {},
    });
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  get editsSent(): number {
    return this.sequence;
  }

  startTyping(intervalMs: number): void {
    // A random phase so that the writers do not all fire in the same millisecond.
    const phaseMs = Math.random() * intervalMs;
    this.timer = setTimeout(() => {
      this.typeOnce();
      this.timer = setInterval(() => this.typeOnce(), intervalMs);
    }, phaseMs);
  }

  stopTyping(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  /** This writer's paragraph as its own editor has it; every other client should converge to it. */
  paragraphText(): string {
    return this.draft.editor.read(() => {
      const text = this.textKey === null ? null : $getNodeByKey(this.textKey);
      return text === null ? '' : text.getTextContent();
    });
  }

  destroy(): void {
    this.stopTyping();
    this.provider.destroy();
    this.draft.dispose();
    this.doc.destroy();
  }

  private typeOnce(): void {
    this.sequence += 1;
    const token = `w${this.writerIndex}e${this.sequence} `;
    this.draft.applyEdit(() => {
      const text = this.textKey === null ? null : $getNodeByKey(this.textKey);
      if ($isTextNode(text)) {
        text.setTextContent(text.getTextContent() + token);
        return;
      }
      const created = $createTextNode(token);
      this.sectionHeading().insertAfter($createParagraphNode().append(created));
      this.textKey = created.getKey();
    });
  }

  /** A section heading (h2) chosen by writer index, so that edits land all over the draft. */
  private sectionHeading(): LexicalNode {
    const blocks = $getRoot().getChildren();
    // The template opens with the title (h1), then one h2 per section.
    const sections = blocks.filter((block) => block.getType() === 'heading').slice(1);
    const heading = sections[this.writerIndex % Math.max(1, sections.length)];
    if (heading === undefined) throw new Error('the draft has no section heading to write under');
    return heading;
  }
}
