import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode } from '@lexical/rich-text';
import { $isTableCellNode } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalNode,
} from 'lexical';
import { useEffect, useState } from 'react';

export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'bullet' | 'number' | 'other';

export interface SelectionFormat {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly block: BlockKind;
  readonly link: boolean;
  readonly inTable: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const initialFormat: SelectionFormat = {
  bold: false,
  italic: false,
  block: 'paragraph',
  link: false,
  inTable: false,
  canUndo: false,
  canRedo: false,
};

function blockKindOf(anchor: LexicalNode): BlockKind {
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list && $isListNode(list)) {
    const type = list.getListType();
    return type === 'bullet' ? 'bullet' : type === 'number' ? 'number' : 'other';
  }
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
  if ($isHeadingNode(top)) {
    const tag = top.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  return top.getType() === 'paragraph' ? 'paragraph' : 'other';
}

/** What the toolbar shows as pressed, kept in step with the selection. */
export function useSelectionFormat(): SelectionFormat {
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState(initialFormat);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          // Read everything inside the editor state's read; React applies it later.
          const current = editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return null;
            const anchor = selection.anchor.getNode();
            return {
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              block: blockKindOf(anchor),
              link: $findMatchingParent(anchor, $isLinkNode) !== null,
              inTable: $findMatchingParent(anchor, $isTableCellNode) !== null,
            };
          });
          if (current) setFormat((previous) => ({ ...previous, ...current }));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setFormat((previous) => ({ ...previous, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setFormat((previous) => ({ ...previous, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return format;
}
