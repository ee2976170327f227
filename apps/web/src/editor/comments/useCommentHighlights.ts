import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Binding } from '@lexical/yjs';
import { useEffect, useState } from 'react';

import type { CommentHighlighter } from './commentHighlighter';
import type { AnchoredThread } from './threadPassages';

/**
 * The draft's comment highlights (see CommentHighlighter): bound to the document once the
 * collaboration binding exists, fed the threads as the panel has them, told the active thread.
 * Its code (anchor resolution included) is loaded after the editor's: the draft is editable
 * first, its highlights follow a moment later. Null until then.
 */
export function useCommentHighlights(
  binding: Binding | null,
  threads: readonly AnchoredThread[] | undefined,
  activeThreadId: string | null,
): CommentHighlighter | null {
  const [editor] = useLexicalComposerContext();
  const [highlighter, setHighlighter] = useState<CommentHighlighter | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('./commentHighlighter').then(({ CommentHighlighter }) => {
      if (!cancelled) setHighlighter(new CommentHighlighter(editor));
    });
    return () => {
      cancelled = true;
    };
  }, [editor]);
  useEffect(() => (highlighter ? () => highlighter.dispose() : undefined), [highlighter]);
  useEffect(() => highlighter?.setDoc(binding?.doc ?? null), [highlighter, binding]);
  useEffect(() => highlighter?.setThreads(threads ?? []), [highlighter, threads]);
  useEffect(() => highlighter?.setActiveThread(activeThreadId), [highlighter, activeThreadId]);
  return highlighter;
}
