import type { TextSegment } from './draftTextLayout';

/** The DOM element Lexical rendered for a node key (`editor.getElementByKey`). */
export type ElementByKey = (key: string) => HTMLElement | null;

/** The text node inside a rendered text node (formats may wrap it: `<strong><em>…`). */
export function domTextOf(element: Node): Text | null {
  let node: Node | null = element;
  while (node !== null && node.nodeType !== Node.TEXT_NODE) node = node.firstChild;
  return node as Text | null;
}

/**
 * One live DOM range per segment. Live ranges follow the text typed in the browser around and
 * inside them until the next resolution, so a highlight does not lag behind the person typing.
 * Segments whose node is not rendered (yet) are skipped.
 */
export function domRangesOf(segments: readonly TextSegment[], elementByKey: ElementByKey): Range[] {
  const ranges: Range[] = [];
  for (const segment of segments) {
    const element = elementByKey(segment.key);
    const text = element === null ? null : domTextOf(element);
    if (text === null) continue;
    const length = text.length;
    const range = document.createRange();
    range.setStart(text, Math.min(segment.from, length));
    range.setEnd(text, Math.min(segment.to, length));
    ranges.push(range);
  }
  return ranges;
}

/** Whether a DOM point (the caret) is inside any of the ranges, their edges included. */
export function rangesContain(ranges: readonly Range[], node: Node, offset: number): boolean {
  return ranges.some((range) => {
    try {
      return range.isPointInRange(node, offset);
    } catch {
      // A range whose text node left the document (Lexical re-rendered it) holds nothing now.
      return false;
    }
  });
}

/** One range from the first segment's start to the last one's end: the passage as a whole. */
export function spanningRange(ranges: readonly Range[]): Range | null {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (first === undefined || last === undefined) return null;
  const range = document.createRange();
  range.setStart(first.startContainer, first.startOffset);
  range.setEnd(last.endContainer, last.endOffset);
  return range;
}
