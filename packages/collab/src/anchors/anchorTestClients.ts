import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import * as Y from 'yjs';

import type { DraftTestClient } from '../draft/draftTestClients';

/**
 * Test support: delivers to every client what it has not seen yet from the others, as the server's
 * fan-out would, then lets each editor take the remote changes in.
 */
export function syncClients(...clients: readonly DraftTestClient[]): void {
  for (const to of clients) {
    for (const from of clients) {
      if (from === to) continue;
      const missing = Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc));
      Y.applyUpdate(to.doc, missing, 'server');
    }
  }
  for (const client of clients) client.editor.read(() => undefined);
}

/** The text node holding `text` and where `text` starts in it; throws when absent. */
export function $findText(text: string): { node: TextNode; offset: number } {
  for (const node of $getRoot().getAllTextNodes()) {
    const offset = node.getTextContent().indexOf(text);
    if (offset !== -1) return { node, offset };
  }
  throw new Error(`no text node holds "${text}"`);
}

/** Selects `length` characters from `delta` characters after the start of `text`. */
export function $selectIn(text: string, delta: number, length: number): RangeSelection {
  const { node, offset } = $findText(text);
  node.select(offset + delta, offset + delta + length);
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) throw new Error('no range selection');
  return selection;
}

/** Types `typed` as a person would, with the caret `delta` characters into `text`. */
export function $typeAt(text: string, delta: number, typed: string): void {
  $selectIn(text, delta, 0).insertText(typed);
}
