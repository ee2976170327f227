import { resolveAnchor, type TextAnchor } from '@atelier/collab';
import type * as Y from 'yjs';

import { segmentsBetween, type DraftTextLayout, type TextSegment } from './draftTextLayout';

/** What highlighting needs of a thread (a `CommentThreadDto` fits). */
export interface AnchoredThread {
  readonly id: string;
  readonly anchor: TextAnchor | null;
  readonly status: 'open' | 'resolved';
}

/** Where an attached thread's passage is in the editor now. */
export interface ThreadPassage {
  readonly threadId: string;
  readonly status: 'open' | 'resolved';
  /** Plain-text range, as the anchor resolver counts it. */
  readonly from: number;
  readonly to: number;
  readonly segments: readonly TextSegment[];
}

export interface PassageResolution {
  readonly passages: readonly ThreadPassage[];
  /**
   * Some passage reads differently in the editor than in the Yjs document: the editor has not
   * rendered the latest changes yet. Those passages are left out; resolve again shortly.
   */
  readonly stale: boolean;
}

/**
 * Resolves each anchored thread against the draft's Yjs document (CRDT positions, then quote and
 * context; see `resolveAnchor`) and finds the text nodes of the editor state `layout` was made
 * from. Detached threads (passage deleted) have no passage. A passage is kept only when the
 * editor's text at that range is the resolved text, so a highlight never lands on the wrong words
 * while the editor catches up with the document.
 */
export function resolveThreadPassages(
  doc: Y.Doc,
  layout: DraftTextLayout,
  threads: readonly AnchoredThread[],
): PassageResolution {
  const passages: ThreadPassage[] = [];
  let stale = false;
  for (const thread of threads) {
    if (thread.anchor === null) continue;
    const resolution = resolveAnchor(doc, thread.anchor);
    if (resolution.status !== 'attached') continue;
    const { startOffset: from, endOffset: to } = resolution.range;
    if (layout.text.slice(from, to) !== resolution.text) {
      stale = true;
      continue;
    }
    passages.push({
      threadId: thread.id,
      status: thread.status,
      from,
      to,
      segments: segmentsBetween(layout, from, to),
    });
  }
  return { passages, stale };
}
