import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from 'lexical';

/** One text node's characters, where they sit in the draft's plain text. */
export interface TextRun {
  readonly key: string;
  /** Plain-text offset of the node's first character. */
  readonly offset: number;
  readonly length: number;
}

/**
 * The draft's plain text as anchors count it (`@atelier/collab`'s draft text view: text nodes'
 * characters, a line break as "\n", a blank line after every block but the last of its parent,
 * nothing for decorators), with the text nodes that hold each character. It is how an anchor's
 * plain-text range, resolved against the Yjs document, finds the nodes (and DOM) it covers.
 */
export interface DraftTextLayout {
  readonly text: string;
  /** In document order, offsets increasing. */
  readonly runs: readonly TextRun[];
}

/** A part of a passage inside one text node: characters [from, to) of that node. */
export interface TextSegment {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** What the layout needs to know of a tree, so that tests can walk plain objects. */
export interface LayoutTree<N> {
  readonly kindOf: (node: N) => 'text' | 'linebreak' | 'element' | 'other';
  readonly childrenOf: (node: N) => readonly N[];
  /** Inline elements (links) add no blank line after them. */
  readonly isInline: (node: N) => boolean;
  readonly textOf: (node: N) => string;
  readonly keyOf: (node: N) => string;
}

const BLOCK_SEPARATOR = '\n\n';

export function layoutOfTree<N>(root: N, tree: LayoutTree<N>): DraftTextLayout {
  const runs: TextRun[] = [];
  let text = '';
  const walk = (element: N): void => {
    const children = tree.childrenOf(element);
    children.forEach((child, index) => {
      switch (tree.kindOf(child)) {
        case 'text': {
          const content = tree.textOf(child);
          if (content.length > 0) {
            runs.push({ key: tree.keyOf(child), offset: text.length, length: content.length });
          }
          text += content;
          return;
        }
        case 'linebreak':
          text += '\n';
          return;
        case 'element':
          walk(child);
          if (index < children.length - 1 && !tree.isInline(child)) text += BLOCK_SEPARATOR;
          return;
        case 'other':
          return;
      }
    });
  };
  walk(root);
  return { text, runs };
}

const lexicalTree: LayoutTree<LexicalNode> = {
  kindOf: (node) =>
    $isTextNode(node)
      ? 'text'
      : $isLineBreakNode(node)
        ? 'linebreak'
        : $isElementNode(node)
          ? 'element'
          : 'other',
  childrenOf: (node) => ($isElementNode(node) ? node.getChildren() : []),
  isInline: (node) => $isElementNode(node) && node.isInline(),
  textOf: (node) => node.getTextContent(),
  keyOf: (node) => node.getKey(),
};

/** The layout of the editor state being read; call inside `editor.read` or `editorState.read`. */
export function $draftTextLayout(): DraftTextLayout {
  return layoutOfTree<LexicalNode>($getRoot(), lexicalTree);
}

/** Index of the first run that ends after `offset` (binary search over increasing offsets). */
function firstRunEndingAfter(runs: readonly TextRun[], offset: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const run = runs[middle]!;
    if (run.offset + run.length <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The text-node pieces that cover the plain-text range [from, to); blank lines have none. */
export function segmentsBetween(layout: DraftTextLayout, from: number, to: number): TextSegment[] {
  const segments: TextSegment[] = [];
  for (let index = firstRunEndingAfter(layout.runs, from); index < layout.runs.length; index++) {
    const run = layout.runs[index]!;
    if (run.offset >= to) break;
    segments.push({
      key: run.key,
      from: Math.max(0, from - run.offset),
      to: Math.min(run.length, to - run.offset),
    });
  }
  return segments;
}
