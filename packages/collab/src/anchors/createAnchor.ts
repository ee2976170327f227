import * as Y from 'yjs';

import { createDraftTextView, type DraftTextView, type YjsPoint } from './draftTextView';
import {
  ANCHOR_CONTEXT_MAX_CHARS,
  ANCHOR_QUOTE_MAX_CHARS,
  encodeAnchorPosition,
  END_ASSOCIATION,
  START_ASSOCIATION,
  type TextAnchor,
} from './textAnchor';

/**
 * A selection in the draft's Yjs tree, as the web client gets it from its `@lexical/yjs` binding
 * (see `$yjsRangeFromSelection` in the `./draft-editor` entry): for each end, the `Y.XmlText` of an
 * element and an index counted as Yjs counts it (a text node is one embed followed by its
 * characters). Either end may come first.
 */
export interface YjsRange {
  readonly startType: Y.XmlText;
  readonly startIndex: number;
  readonly endType: Y.XmlText;
  readonly endIndex: number;
}

export type AnchorCreation =
  | { readonly ok: true; readonly anchor: TextAnchor }
  | {
      readonly ok: false;
      /**
       * `not_in_draft`: an end is not in this draft's tree. `empty_selection`: no character is
       * selected (a caret, or only the gap between two blocks). `passage_too_long`: more than
       * `ANCHOR_QUOTE_MAX_CHARS`. `quote_not_found`: `anchorForQuote` found no such occurrence.
       */
      readonly reason: 'not_in_draft' | 'empty_selection' | 'passage_too_long' | 'quote_not_found';
    };

/** The anchor of a selection the client holds as Yjs points. */
export function anchorFromYjsRange(doc: Y.Doc, range: YjsRange): AnchorCreation {
  const view = createDraftTextView(doc);
  const from = view.offsetOf({ type: range.startType, index: range.startIndex });
  const to = view.offsetOf({ type: range.endType, index: range.endIndex });
  if (from === undefined || to === undefined) return { ok: false, reason: 'not_in_draft' };
  return anchorFromTextRange(view, Math.min(from, to), Math.max(from, to));
}

/**
 * The anchor of the `occurrence`-th (from 0) appearance of `quote` in the draft's plain text,
 * blocks joined by a blank line. For the server and tests, which have text and no selection.
 */
export function anchorForQuote(doc: Y.Doc, quote: string, occurrence = 0): AnchorCreation {
  if (quote === '') return { ok: false, reason: 'empty_selection' };
  const view = createDraftTextView(doc);
  let found = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    found = view.text.indexOf(quote, found + 1);
    if (found === -1) return { ok: false, reason: 'quote_not_found' };
  }
  return anchorFromTextRange(view, found, found + quote.length);
}

/**
 * The anchor of the plain-text range [from, to). Its ends are moved inward onto characters that
 * Yjs items back, so the blank line between two blocks is never an end, then pinned to the first
 * and last characters (see `START_ASSOCIATION`).
 */
export function anchorFromTextRange(view: DraftTextView, from: number, to: number): AnchorCreation {
  const range = backedRangeWithin(view, from, to);
  if (range === undefined) return { ok: false, reason: 'empty_selection' };
  if (range.to - range.from > ANCHOR_QUOTE_MAX_CHARS) {
    return { ok: false, reason: 'passage_too_long' };
  }
  return {
    ok: true,
    anchor: {
      start: encodeAnchorPosition(relativePositionOf(range.first, START_ASSOCIATION)),
      // Right after the last character, associated to the left: the position IS that character.
      end: encodeAnchorPosition(
        relativePositionOf({ type: range.last.type, index: range.last.index + 1 }, END_ASSOCIATION),
      ),
      quote: view.text.slice(range.from, range.to),
      prefix: view.text.slice(Math.max(0, range.from - ANCHOR_CONTEXT_MAX_CHARS), range.from),
      suffix: view.text.slice(range.to, range.to + ANCHOR_CONTEXT_MAX_CHARS),
    },
  };
}

export interface BackedRange {
  readonly from: number;
  readonly to: number;
  readonly first: YjsPoint;
  readonly last: YjsPoint;
}

/** [from, to) shrunk to start and end on item-backed characters; undefined when none is left. */
export function backedRangeWithin(
  view: DraftTextView,
  from: number,
  to: number,
): BackedRange | undefined {
  let start = Math.max(0, from);
  let end = Math.min(view.text.length, to);
  while (start < end && view.pointAt(start) === undefined) start++;
  while (end > start && view.pointAt(end - 1) === undefined) end--;
  const first = view.pointAt(start);
  const last = view.pointAt(end - 1);
  if (start >= end || first === undefined || last === undefined) return undefined;
  return { from: start, to: end, first, last };
}

function relativePositionOf(point: YjsPoint, association: number): Y.RelativePosition {
  return Y.createRelativePositionFromTypeIndex(point.type, point.index, association);
}
