import * as Y from 'yjs';

import { draftInlineElementTypes } from '../draft/draftOutline';
import { DRAFT_ROOT_NAME, elementOf } from '../draft/draftYjsTree';

/** A place in the Yjs tree: an element's `Y.XmlText` and an index counted as Yjs counts it. */
export interface YjsPoint {
  readonly type: Y.XmlText;
  readonly index: number;
}

/**
 * The draft's plain text, as `textOf` (and Lexical's `getTextContent`) joins it, with the way back
 * and forth between a text offset and a Yjs point. Anchors quote and search this text, so a quote
 * reads exactly as the passage reads in the editor.
 *
 * Only characters backed by a Yjs item can carry a relative position: the characters of text
 * nodes and line breaks (a `Y.Map` embed). The blank line between blocks is made up by the join
 * and has no item; an anchor never starts or ends on it.
 */
export interface DraftTextView {
  readonly text: string;
  /** Text offset of a Yjs point, or undefined when the type is not part of the draft. */
  readonly offsetOf: (point: YjsPoint) => number | undefined;
  /** The Yjs point of the character at `offset`, or undefined when no item backs it. */
  readonly pointAt: (offset: number) => YjsPoint | undefined;
}

const BLOCK_SEPARATOR = '\n\n';
const LINE_BREAK_TYPE = 'linebreak';

/** One delta op of an element, where it starts in Yjs and in the plain text. */
interface Segment {
  readonly index: number;
  readonly yjsLength: number;
  readonly offset: number;
  /** Characters of this op that are in the plain text AND backed by items (0 for embeds). */
  readonly backedLength: number;
}

interface ElementLayout {
  readonly segments: Segment[];
  /** Text offset just after the element's own content (before any separator its parent adds). */
  endOffset: number;
}

interface BackedRun {
  readonly type: Y.XmlText;
  readonly index: number;
  readonly offset: number;
  readonly length: number;
}

export function createDraftTextView(doc: Y.Doc): DraftTextView {
  const layouts = new Map<Y.XmlText, ElementLayout>();
  const runs: BackedRun[] = [];
  let text = '';

  const walk = (type: Y.XmlText): void => {
    const layout: ElementLayout = { segments: [], endOffset: 0 };
    layouts.set(type, layout);
    const ops = type.toDelta() as { insert: unknown }[];
    let index = 0;
    ops.forEach((op, opIndex) => {
      const insert = op.insert;
      const offset = text.length;
      if (typeof insert === 'string') {
        layout.segments.push({
          index,
          yjsLength: insert.length,
          offset,
          backedLength: insert.length,
        });
        runs.push({ type, index, offset, length: insert.length });
        text += insert;
        index += insert.length;
        return;
      }
      let backedLength = 0;
      if (insert instanceof Y.XmlText) {
        walk(insert);
        const isLast = opIndex === ops.length - 1;
        const isInline = draftInlineElementTypes.has(elementOf(insert).type);
        if (!isLast && !isInline) text += BLOCK_SEPARATOR;
      } else if (insert instanceof Y.Map && insert.get('__type') === LINE_BREAK_TYPE) {
        runs.push({ type, index, offset, length: 1 });
        text += '\n';
        backedLength = 1;
      }
      // Other embeds (a text node's properties map, a decorator) take one Yjs index and no text.
      layout.segments.push({ index, yjsLength: 1, offset, backedLength });
      index += 1;
    });
    // Separators after this element are added by its parent once this returns.
    layout.endOffset = text.length;
  };

  walk(doc.get(DRAFT_ROOT_NAME, Y.XmlText));

  return {
    text,
    offsetOf: ({ type, index }) => {
      const layout = layouts.get(type);
      if (layout === undefined) return undefined;
      const segment = layout.segments.find(
        (s) => index >= s.index && index < s.index + s.yjsLength,
      );
      if (segment === undefined) return layout.endOffset;
      return segment.backedLength === segment.yjsLength
        ? segment.offset + (index - segment.index)
        : segment.offset;
    },
    pointAt: (offset) => {
      const run = runAt(runs, offset);
      return run === undefined
        ? undefined
        : { type: run.type, index: run.index + offset - run.offset };
    },
  };
}

/** Binary search: runs are in document order, their offsets increasing. */
function runAt(runs: readonly BackedRun[], offset: number): BackedRun | undefined {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle];
    if (run === undefined) return undefined;
    if (offset < run.offset) high = middle - 1;
    else if (offset >= run.offset + run.length) low = middle + 1;
    else return run;
  }
  return undefined;
}
