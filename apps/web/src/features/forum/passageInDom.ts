/**
 * Finds a quoted passage in the rendered draft, as a DOM Range over its text nodes. Read-only:
 * the draft's DOM belongs to Lexical, so we only measure and scroll, never change it.
 */
export function findPassageRange(root: Element, quote: string): Range | null {
  const wanted = quote.trim();
  if (wanted === '') return null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    text += (node as Text).data;
  }
  const start = text.indexOf(wanted);
  if (start < 0) return null;
  const end = start + wanted.length;
  const range = root.ownerDocument.createRange();
  let offset = 0;
  let started = false;
  for (const node of nodes) {
    const nodeEnd = offset + node.data.length;
    if (!started && start < nodeEnd) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= nodeEnd) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset = nodeEnd;
  }
  return null;
}

const HIGHLIGHT_NAME = 'atelier-spotlight';

/**
 * Scrolls the passage into view and marks it with the CSS Custom Highlight API where the
 * browser has it (no DOM change). Returns whether the passage was found.
 */
export function revealPassage(root: Element, quote: string, smooth: boolean): boolean {
  const range = findPassageRange(root, quote);
  if (!range) return false;
  const target = range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  const highlights = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)
    ?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (range: Range) => unknown }).Highlight;
  if (highlights && HighlightClass) highlights.set(HIGHLIGHT_NAME, new HighlightClass(range));
  return true;
}

export function clearPassageHighlight(): void {
  const highlights = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)
    ?.highlights;
  highlights?.delete(HIGHLIGHT_NAME);
}
