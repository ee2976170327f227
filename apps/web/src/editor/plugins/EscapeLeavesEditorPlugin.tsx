import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
} from 'lexical';
import { useEffect, type RefObject } from 'react';

import { focusableBeside } from './focusableBeside';

/**
 * No keyboard trap (WCAG 2.1.2):
 * - Escape leaves the text and puts the focus on the toolbar;
 * - Tab and Shift+Tab always leave the text for the next or previous control of the page. The
 *   browser would do so by itself, except in table cells, where Chromium moves between cells
 *   instead (and stays in the last one), so we move the focus ourselves.
 */
export function EscapeLeavesEditorPlugin({ target }: { target: RefObject<HTMLElement | null> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_ESCAPE_COMMAND,
          () => {
            const element = target.current;
            if (!element) return false;
            element.focus();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            const root = editor.getRootElement();
            if (!root) return false;
            const next = focusableBeside(root, event.shiftKey ? 'before' : 'after');
            if (!next) return false;
            event.preventDefault();
            next.focus();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, target],
  );
  return null;
}
