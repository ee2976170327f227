import { $createRangeSelection, $setSelection, type LexicalEditor } from 'lexical';

import type { CommentHighlighter } from './commentHighlighter';
import { spanningRange } from './passageDom';

/**
 * "Voir le passage": selects a thread's passage in the draft, as it reads now, and scrolls it
 * into view with the focus in the text. A writable draft gets a Lexical selection (the caret is
 * then ready to type there); a read-only one (commenters, readers) a DOM selection, its text
 * made focusable for the purpose. False when the passage is detached or not rendered.
 */
export function revealPassage(
  editor: LexicalEditor,
  highlighter: CommentHighlighter | null,
  threadId: string,
): boolean {
  const placed = highlighter?.placeNow(threadId) ?? null;
  const root = editor.getRootElement();
  if (placed === null || root === null) return false;
  const segments = placed.passage.segments;
  const first = segments[0];
  const last = segments[segments.length - 1];
  const range = spanningRange(placed.ranges);
  if (first === undefined || last === undefined || range === null) return false;

  if (editor.isEditable()) {
    root.focus({ preventScroll: true });
    editor.update(
      () => {
        const selection = $createRangeSelection();
        selection.anchor.set(first.key, first.from, 'text');
        selection.focus.set(last.key, last.to, 'text');
        $setSelection(selection);
      },
      { discrete: true },
    );
  } else {
    if (!root.hasAttribute('tabindex')) root.tabIndex = -1;
    root.focus({ preventScroll: true });
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return true;
}
