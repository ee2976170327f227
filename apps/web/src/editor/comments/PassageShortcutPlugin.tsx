import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

import { caretInEditor } from './caretInEditor';
import type { CommentHighlighter } from './commentHighlighter';

/**
 * Alt+Shift+C in a commented passage opens its thread in the panel (the first, when several
 * threads cover the caret). The physical key is read (`code`): on a Mac, Option+Shift+C types
 * "Ç", which `key` would report.
 */
export function isOpenThreadShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): boolean {
  return (
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyC'
  );
}

export function PassageShortcutPlugin({
  highlighter,
  onOpenThread,
}: {
  highlighter: CommentHighlighter | null;
  onOpenThread: (threadId: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      highlighter === null
        ? undefined
        : editor.registerCommand(
            KEY_DOWN_COMMAND,
            (event) => {
              if (!isOpenThreadShortcut(event)) return false;
              const caret = caretInEditor(editor.getRootElement());
              const [threadId] =
                caret === null ? [] : highlighter.threadsAt(caret.node, caret.offset);
              if (threadId === undefined) return false;
              event.preventDefault();
              onOpenThread(threadId);
              return true;
            },
            COMMAND_PRIORITY_HIGH,
          ),
    [editor, highlighter, onOpenThread],
  );
  return null;
}
