import { anchorFromYjsRange, type AnchorCreation } from '@atelier/collab';
import { $yjsRangeFromSelection } from '@atelier/collab/draft-editor';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Binding } from '@lexical/yjs';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useCallback, useEffect, useState } from 'react';

export interface SelectedPassage {
  /** Some text is selected in the draft (what enables "Comment the selection"). */
  readonly hasSelection: boolean;
  /**
   * The anchor of what is selected now, made from the binding's Yjs positions. Computed when
   * asked, not on every selection change: building it reads the whole draft's text.
   */
  readonly anchorSelection: () => AnchorCreation;
}

/**
 * Follows the draft's selection for comments. Lexical keeps its selection when the focus leaves
 * the text (for the toolbar, or the comments panel), so the passage is still there when the
 * person reaches the button; a caret placed in the text again clears it.
 */
export function useSelectedPassage(binding: Binding | null): SelectedPassage {
  const [editor] = useLexicalComposerContext();
  const [hasSelection, setHasSelection] = useState(false);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          const selection = $getSelection();
          // No selection: the focus went elsewhere, Lexical's last range still stands.
          if (selection === null) return;
          setHasSelection($isRangeSelection(selection) && !selection.isCollapsed());
        });
      }),
    [editor],
  );

  const anchorSelection = useCallback((): AnchorCreation => {
    if (binding === null) return { ok: false, reason: 'not_in_draft' };
    const range = editor.read(() => $yjsRangeFromSelection(binding));
    if (range === undefined) return { ok: false, reason: 'empty_selection' };
    return anchorFromYjsRange(binding.doc, range);
  }, [editor, binding]);

  return { hasSelection, anchorSelection };
}
