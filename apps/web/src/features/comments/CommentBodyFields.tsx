import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { commentErrorKey } from './commentView';
import { MentionTextarea, type CommentDraft } from './MentionTextarea';

/**
 * The text box, error and buttons of a new comment, a reply or an edit. It takes the focus when
 * it appears: the person asked to write, so that is where they go.
 */
export function CommentBodyFields(props: {
  readonly label: string;
  readonly rows: number;
  readonly draft: CommentDraft;
  readonly onDraftChange: (draft: CommentDraft) => void;
  readonly error: unknown;
  readonly pending: boolean;
  readonly submitLabel: string;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const box = bodyRef.current;
    if (box === null) return;
    box.focus();
    // Editing: the caret goes after the text, not before it.
    box.setSelectionRange(box.value.length, box.value.length);
  }, []);
  return (
    <>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={bodyId}>
          {props.label}
        </label>
        <MentionTextarea
          id={bodyId}
          rows={props.rows}
          draft={props.draft}
          onDraftChange={props.onDraftChange}
          textareaRef={bodyRef}
        />
      </div>
      {props.error ? (
        <p className="fr-error-text" role="alert">
          {t(commentErrorKey(props.error))}
        </p>
      ) : null}
      <div className="atelier-comments__actions">
        <button type="submit" className="fr-btn fr-btn--sm" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary"
          onClick={props.onCancel}
        >
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
