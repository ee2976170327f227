import { MODERATION_REASON_MAX_CHARS, MODERATION_REASON_MIN_CHARS } from '@atelier/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a moderation reason, once trimmed, is as long as the server accepts. */
export function isReasonWithinBounds(reason: string): boolean {
  const length = reason.trim().length;
  return length >= MODERATION_REASON_MIN_CHARS && length <= MODERATION_REASON_MAX_CHARS;
}

/**
 * Asks for a moderation reason (flag, hide, restore), always required, within the server's
 * bounds, then hands it on trimmed. The field takes the focus when the form appears, a reason
 * out of bounds is explained under it (and the focus put back there), and the server's refusal,
 * when the caller passes it, is announced. Cancel only tells the caller, which gives the focus
 * back to the button that opened the form.
 *
 * The bounds come from `@atelier/domain`'s zod-free commentLimits module: the comments panel
 * of the editor route uses this form and must not load zod.
 */
export function ReasonForm({
  formLabel,
  label,
  hint,
  submitLabel,
  pending,
  error,
  compact = false,
  onSubmit,
  onCancel,
}: {
  /** Names the form for assistive technologies when the page holds several (one per comment). */
  readonly formLabel?: string;
  readonly label: string;
  readonly hint: string;
  readonly submitLabel: string;
  readonly pending: boolean;
  /** Why the server refused the last attempt, already translated. */
  readonly error?: string | null;
  /** In the comments panel's narrow column: tighter spacing, a shorter box. */
  readonly compact?: boolean;
  readonly onSubmit: (reason: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isReasonWithinBounds(reason)) {
      setInvalid(true);
      field.current?.focus();
      return;
    }
    setInvalid(false);
    onSubmit(reason.trim());
  };

  return (
    <form
      className={compact ? 'atelier-comments__moderation' : 'atelier-moderation__reason fr-mt-2w'}
      aria-label={formLabel}
      noValidate
      onSubmit={submit}
    >
      <div className={`fr-input-group${invalid ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${id}-reason`}>
          {label}
          <span className="fr-hint-text" id={`${id}-hint`}>
            {hint}
          </span>
        </label>
        <textarea
          ref={field}
          id={`${id}-reason`}
          className={`fr-input${invalid ? ' fr-input--error' : ''}`}
          rows={compact ? 2 : 3}
          maxLength={MODERATION_REASON_MAX_CHARS}
          value={reason}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
          onChange={(event) => setReason(event.target.value)}
        />
        {invalid ? (
          <p id={`${id}-error`} className="fr-error-text">
            {t('common.reasonInvalid')}
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <button type="submit" className="fr-btn" disabled={pending}>
            {submitLabel}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </li>
      </ul>
    </form>
  );
}
