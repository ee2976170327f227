import * as Y from 'yjs';

import { isGone, structAt } from './anchorItems';
import { findEndAfter, findStartBefore, findUniqueQuote } from './anchorContext';
import { backedRangeWithin } from './createAnchor';
import { createDraftTextView, type DraftTextView, type YjsPoint } from './draftTextView';
import { decodeAnchorPosition, type TextAnchor } from './textAnchor';

export interface AnchoredRange {
  /** The passage's first character. */
  readonly start: YjsPoint;
  /** Right after the passage's last character (an exclusive end, as a selection's focus). */
  readonly end: YjsPoint;
  /** The same range in the draft's plain text (blocks joined by a blank line). */
  readonly startOffset: number;
  readonly endOffset: number;
}

export type AnchorResolution =
  | {
      readonly status: 'attached';
      /** The passage as it reads now, edits inside it included. */
      readonly text: string;
      readonly range: AnchoredRange;
      /**
       * `positions`: both ends found by CRDT identity. `context`: at least one end re-found from
       * the quote and its context, because `@lexical/yjs` re-created its characters.
       */
      readonly foundBy: 'positions' | 'context';
    }
  | { readonly status: 'detached'; readonly quote: string };

/**
 * Where an anchored passage is now, or that it is gone.
 *
 * Relative positions name characters, so typing before, inside or after a passage leaves them in
 * place. They survive compaction too: `Y.encodeStateAsUpdate` into a fresh doc keeps every item id,
 * and a restored snapshot resolves the same (tested). But `@lexical/yjs` (binding v1) does not
 * keep characters when it restructures text: formatting part of a text node or splitting a
 * paragraph deletes the characters after the cut and inserts copies in new nodes. A passage end
 * then points at a deleted character, exactly as when the passage itself was deleted.
 *
 * So an end on a live character is trusted; an end on a deleted one is looked for again from the
 * quote and its context (`anchorContext.ts`):
 * - one end alive: the other end is the nearby place that still reads like the passage's edge;
 * - both ends lost: the passage is re-attached only to the one occurrence of the whole quote whose
 *   surroundings agree with the stored context; otherwise the thread is detached, with its quote.
 *   A passage deleted and its words retyped elsewhere therefore stays detached.
 */
export function resolveAnchor(doc: Y.Doc, anchor: TextAnchor): AnchorResolution {
  const detached: AnchorResolution = { status: 'detached', quote: anchor.quote };
  const view = createDraftTextView(doc);
  const start = resolveEnd(doc, view, anchor.start);
  const end = resolveEnd(doc, view, anchor.end);

  if (start?.alive === true && end?.alive === true) {
    return attachedOrDetached(view, start.offset, end.offset, 'positions') ?? detached;
  }
  if (start?.alive === true) {
    // The end was deleted: re-created by a restructuring, or really deleted by a writer, in which
    // case the gap it left (where the deleted end was) is the end of what is left of the passage.
    const to = findEndAfter(view.text, anchor, start.offset) ?? end?.offset;
    return (to === undefined ? undefined : attachedOrDetached(view, start.offset, to)) ?? detached;
  }
  if (end?.alive === true) {
    const from = findStartBefore(view.text, anchor, end.offset) ?? start?.offset;
    return (
      (from === undefined ? undefined : attachedOrDetached(view, from, end.offset)) ?? detached
    );
  }
  const at = findUniqueQuote(view.text, anchor);
  return (
    (at === undefined ? undefined : attachedOrDetached(view, at, at + anchor.quote.length)) ??
    detached
  );
}

interface ResolvedEnd {
  /** Offset in the plain text: of the character when alive, of the gap it left when deleted. */
  readonly offset: number;
  readonly alive: boolean;
}

/** Undefined when the position is not one, or its element is gone with all it held. */
function resolveEnd(doc: Y.Doc, view: DraftTextView, encoded: string): ResolvedEnd | undefined {
  const position = decodeAnchorPosition(encoded);
  if (position === undefined) return undefined;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (absolute === null || !(absolute.type instanceof Y.XmlText)) return undefined;
  const offset = view.offsetOf({ type: absolute.type, index: absolute.index });
  if (offset === undefined) return undefined;
  const struct = position.item === null ? undefined : structAt(doc, position.item);
  // A position on an element's edge (no item) lives as long as the element does.
  const alive = position.item === null || (struct instanceof Y.Item && !isGone(struct));
  return { offset, alive };
}

function attachedOrDetached(
  view: DraftTextView,
  from: number,
  to: number,
  foundBy: 'positions' | 'context' = 'context',
): AnchorResolution | undefined {
  const range = backedRangeWithin(view, from, to);
  if (range === undefined) return undefined; // nothing left between the ends
  return {
    status: 'attached',
    text: view.text.slice(range.from, range.to),
    range: {
      start: range.first,
      end: { type: range.last.type, index: range.last.index + 1 },
      startOffset: range.from,
      endOffset: range.to,
    },
    foundBy,
  };
}
