import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import type { DocumentStore } from '@atelier/storage';
import type { DocumentRegistry } from '../collab/documentRegistry';

/**
 * The minutes of a forum session: one Yjs document, written like a draft (Lexical through
 * `@lexical/yjs`, the draft's node set), so the web editor opens and co-edits it as it does a
 * commitment. The server writes into it twice: a heading when the session is scheduled, and
 * the attendance summary and poll results when it ends, appended to whatever people typed.
 */
export interface MinutesBlock {
  readonly kind: 'h2' | 'h3' | 'paragraph';
  readonly text: string;
}

const MINUTES_DOC_PREFIX = 'forum-minutes-';

export function minutesDocNameFor(sessionId: string): string {
  return `${MINUTES_DOC_PREFIX}${sessionId}`;
}

/** The session id behind a minutes document name, or null for any other document. */
export function sessionIdOfMinutes(docName: string): string | null {
  return docName.startsWith(MINUTES_DOC_PREFIX) ? docName.slice(MINUTES_DOC_PREFIX.length) : null;
}

export interface MinutesDocuments {
  /** Writes the title and an empty paragraph into a new session's minutes. */
  seed(docName: string, title: string): Promise<void>;
  /** Appends blocks at the end, live if people have the document open; durable on return. */
  append(docName: string, blocks: readonly MinutesBlock[]): Promise<void>;
}

/** Loaded lazily: Lexical costs start-up time the server should only pay when it writes. */
async function editorModule() {
  return import('@atelier/collab/draft-editor');
}

/**
 * Returns the Yjs update that appends `blocks` to a document in state `base` (or starts an
 * empty one), written by a fresh headless editor so the structure is the one clients read.
 */
async function appendUpdate(
  base: Uint8Array | null,
  heading: string | null,
  blocks: readonly MinutesBlock[],
): Promise<Uint8Array> {
  const { bindHeadlessDraftEditor } = await editorModule();
  const doc = new Y.Doc();
  const editor = bindHeadlessDraftEditor(doc, 'minutes');
  try {
    if (base) Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    editor.applyEdit(() => {
      const root = $getRoot();
      if (heading !== null) root.append($createHeadingNode('h1').append($createTextNode(heading)));
      for (const block of blocks) {
        const node =
          block.kind === 'paragraph' ? $createParagraphNode() : $createHeadingNode(block.kind);
        if (block.text.length > 0) node.append($createTextNode(block.text));
        root.append(node);
      }
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    editor.dispose();
    doc.destroy();
  }
}

export function createMinutesDocuments(
  documents: DocumentStore,
  registry: DocumentRegistry,
): MinutesDocuments {
  return {
    async seed(docName, title) {
      const update = await appendUpdate(null, title, [{ kind: 'paragraph', text: '' }]);
      await documents.seedDocumentIfEmpty(docName, update);
    },
    async append(docName, blocks) {
      // The room may unload between acquire and use (its last reader left): take it again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const room = await registry.acquire(docName);
        if (room.isDestroyed) continue;
        const update = await appendUpdate(Y.encodeStateAsUpdate(room.doc), null, blocks);
        if (room.isDestroyed) continue;
        // Applied to the live document: stored, then sent to everyone who has it open, like an edit.
        Y.applyUpdate(room.doc, update, 'forum-minutes');
        registry.flusher.markDirty(room);
        await registry.flusher.drain();
        return;
      }
      throw new Error(`could not append to the minutes ${docName}`);
    },
  };
}
