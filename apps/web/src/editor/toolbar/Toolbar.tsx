import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $insertTableRowAtSelection } from '@lexical/table';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isAllowedLinkUrl, normaliseLinkInput } from '../plugins/safeLink';
import './toolbarIcons.css';
import { useSelectionFormat, type BlockKind } from './useSelectionFormat';

interface ToolbarButtonProps {
  readonly label: string;
  readonly pressed?: boolean;
  readonly disabled: boolean;
  readonly onClick: () => void;
  /**
   * What the button shows: a DSFR icon (`fr-icon-…`, a drawing, no text), or a short text: a
   * symbol, or words that `label` contains. A visible word missing from the name fails WCAG 2.5.3
   * (label in name): a person using voice control says what they see (toolbarLabels.test.ts).
   */
  readonly face: { readonly icon: string } | { readonly text: string };
}

/** Every button names its action (aria-label) and, for toggles, says whether it is on. */
function ToolbarButton({ label, pressed, disabled, onClick, face }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="atelier-toolbar__button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the text selection when clicking with a mouse; keyboard users come from the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {'icon' in face ? (
        <span className={`${face.icon} fr-icon--sm`} aria-hidden="true" />
      ) : (
        <span aria-hidden="true">{face.text}</span>
      )}
    </button>
  );
}

export interface ToolbarProps {
  readonly disabled: boolean;
  /**
   * "Comment the selection", for whoever may comment: commenters cannot change the text, so this
   * button stays usable when the rest of the toolbar is disabled. Absent: not offered.
   */
  readonly commentSelection?: { readonly enabled: boolean; readonly onClick: () => void };
}

/**
 * The formatting a commitment needs, operable by keyboard: Shift+Tab from the text (or Escape)
 * reaches it, Tab goes back. Disabled as a whole when the draft is read-only, except for
 * commenting on the selection.
 */
export const Toolbar = forwardRef<HTMLDivElement, ToolbarProps>(function Toolbar(
  { disabled, commentSelection },
  ref,
) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const format = useSelectionFormat();
  const [linkError, setLinkError] = useState<string | null>(null);

  const setBlock = (kind: BlockKind) => {
    if (kind === 'bullet' || kind === 'number') {
      if (format.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else
        editor.dispatchCommand(
          kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
          undefined,
        );
      return;
    }
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      $setBlocksType(selection, () =>
        kind === 'paragraph' ? $createParagraphNode() : $createHeadingNode(kind as HeadingTagType),
      );
    });
  };

  const toggleLink = () => {
    setLinkError(null);
    if (format.link) {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      return;
    }
    const input = window.prompt(t('editor.toolbar.linkPrompt'));
    if (input === null || input.trim() === '') return;
    const url = normaliseLinkInput(input);
    if (!isAllowedLinkUrl(url)) {
      setLinkError(t('editor.toolbar.linkRefused'));
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
  };

  const addMilestoneRow = () => {
    editor.update(() => {
      $insertTableRowAtSelection(true);
    });
  };

  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="atelier-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      aria-controls="draft-text"
    >
      <div className="atelier-toolbar__group">
        <ToolbarButton
          label={t('editor.toolbar.undo')}
          disabled={disabled || !format.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}

          face={{ icon: 'fr-icon-arrow-go-back-line' }}
        />
        <ToolbarButton
          label={t('editor.toolbar.redo')}
          disabled={disabled || !format.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}

          face={{ icon: 'fr-icon-arrow-go-forward-line' }}
        />
      </div>
      <div className="atelier-toolbar__group">
        <ToolbarButton
          label={t('editor.toolbar.paragraph')}
          pressed={format.block === 'paragraph'}
          disabled={disabled}
          onClick={() => setBlock('paragraph')}

          face={{ text: '¶' }}
        />
        <ToolbarButton
          label={t('editor.toolbar.heading2')}
          pressed={format.block === 'h2'}
          disabled={disabled}
          onClick={() => setBlock('h2')}

          face={{ icon: 'fr-icon-h-2' }}
        />
        <ToolbarButton
          label={t('editor.toolbar.heading3')}
          pressed={format.block === 'h3'}
          disabled={disabled}
          onClick={() => setBlock('h3')}

          face={{ icon: 'fr-icon-h-3' }}
        />
      </div>
      <div className="atelier-toolbar__group">
        <ToolbarButton
          label={t('editor.toolbar.bold')}
          pressed={format.bold}
          disabled={disabled}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}

          face={{ icon: 'fr-icon-bold' }}
        />
        <ToolbarButton
          label={t('editor.toolbar.italic')}
          pressed={format.italic}
          disabled={disabled}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}

          face={{ icon: 'fr-icon-italic' }}
        />
      </div>
      <div className="atelier-toolbar__group">
        <ToolbarButton
          label={t('editor.toolbar.bulletList')}
          pressed={format.block === 'bullet'}
          disabled={disabled}
          onClick={() => setBlock('bullet')}

          face={{ icon: 'fr-icon-list-unordered' }}
        />
        <ToolbarButton
          label={t('editor.toolbar.numberedList')}
          pressed={format.block === 'number'}
          disabled={disabled}
          onClick={() => setBlock('number')}

          face={{ icon: 'fr-icon-list-ordered' }}
        />
        <ToolbarButton
          label={format.link ? t('editor.toolbar.removeLink') : t('editor.toolbar.link')}
          pressed={format.link}
          disabled={disabled}
          onClick={toggleLink}

          face={{ icon: format.link ? 'fr-icon-link-unlink' : 'fr-icon-link' }}
        />
        <ToolbarButton
          label={t('editor.toolbar.addMilestoneRow')}
          disabled={disabled || !format.inTable}
          onClick={addMilestoneRow}

          face={{ text: t('editor.toolbar.glyph.addRow') }}
        />
      </div>
      {commentSelection ? (
        <div className="atelier-toolbar__group">
          <ToolbarButton
            label={t('editor.toolbar.commentSelection')}
            disabled={!commentSelection.enabled}
            onClick={commentSelection.onClick}
            face={{ icon: 'fr-icon-chat-3-line' }}
          />
        </div>
      ) : null}
      <p className="fr-error-text atelier-toolbar__error" role="alert">
        {linkError ?? ''}
      </p>
    </div>
  );
});
