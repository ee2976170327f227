import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_CRITICAL, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useEffect } from 'react';

/**
 * Follows the access the server grants, live: the editor stops taking input the moment a
 * read-only state arrives (a facilitator locked the draft), without reload. Undo and redo are
 * swallowed too while read-only, since they would otherwise rewrite the text.
 */
export function EditableByAccessPlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    if (editable) return undefined;
    return mergeRegister(
      editor.registerCommand(UNDO_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(REDO_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
    );
  }, [editor, editable]);
  return null;
}
