import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { StoredDocument } from '../documentStore';

/** Test data built from real Yjs documents, so the contract exercises real update bytes. */

export const TEXT_NAME = 'body';

export function uniqueDocName(label: string): string {
  return `${label}-${randomUUID()}`;
}

/** Runs each edit in its own Yjs transaction and returns the update every edit emitted. */
export function recordUpdates(
  edits: readonly ((text: Y.Text) => void)[],
  doc: Y.Doc = new Y.Doc(),
): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  const text = doc.getText(TEXT_NAME);
  for (const edit of edits) {
    doc.transact(() => edit(text));
  }
  doc.off('update', record);
  return updates;
}

/** Typing followed by a deletion, so the log holds both inserted structs and a delete set. */
export function typingEdits(words: readonly string[]): ((text: Y.Text) => void)[] {
  return [
    ...words.map((word) => (text: Y.Text) => text.insert(text.length, `${word} `)),
    (text: Y.Text) => text.delete(0, Math.min(2, text.length)),
  ];
}

export function typingUpdates(words: readonly string[]): Uint8Array[] {
  return recordUpdates(typingEdits(words));
}

export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) {
    Y.applyUpdate(doc, update);
  }
  return doc;
}

/** What a server does on load: the snapshot first, then the log after it. */
export function docFromStored(stored: StoredDocument): Y.Doc {
  return docFromUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
}

/** One merged update equivalent to applying `updates` in order: what a compactor would store. */
export function snapshotOf(updates: readonly Uint8Array[]): Uint8Array {
  return Y.encodeStateAsUpdate(docFromUpdates(updates));
}

export function textOf(doc: Y.Doc): string {
  return doc.getText(TEXT_NAME).toString();
}

/** Full document state in a canonical encoding; equal bytes mean equal content and history. */
export function stateOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
