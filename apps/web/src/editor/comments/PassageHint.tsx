import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { caretInEditor } from './caretInEditor';
import type { CommentHighlighter } from './commentHighlighter';
import { debounce } from './debounce';
import './draftHighlights.css';

/** The caret settles before the hint changes: moving through a passage says it once. */
const HINT_SETTLE_MS = 300;
const HINT_MAX_WAIT_MS = 1_000;

/**
 * "1 comment thread on this passage — Alt+Shift+C to open it", shown while the caret is inside
 * commented passages and announced politely (a status region). The text only changes when the
 * number of threads at the caret does, so typing inside a passage is not read out again.
 */
export function PassageHint({ highlighter }: { highlighter: CommentHighlighter | null }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (highlighter === null) return undefined;
    const update = debounce(
      () => {
        const root = editor.getRootElement();
        const focused = root !== null && root.contains(document.activeElement);
        const caret = focused ? caretInEditor(root) : null;
        setCount(caret === null ? 0 : highlighter.threadsAt(caret.node, caret.offset).length);
      },
      HINT_SETTLE_MS,
      HINT_MAX_WAIT_MS,
    );
    document.addEventListener('selectionchange', update.schedule);
    document.addEventListener('focusin', update.schedule);
    document.addEventListener('focusout', update.schedule);
    const unsubscribe = highlighter.subscribe(update.schedule);
    return () => {
      update.cancel();
      unsubscribe();
      document.removeEventListener('selectionchange', update.schedule);
      document.removeEventListener('focusin', update.schedule);
      document.removeEventListener('focusout', update.schedule);
    };
  }, [editor, highlighter]);

  return (
    <p className="fr-text--sm fr-text--bold atelier-passage-hint" role="status">
      {count > 0 ? t('commentsFrame.passageHint', { count }) : ''}
    </p>
  );
}
