import { MODERATION_REASON_MAX_CHARS } from '@atelier/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The server's floor for a reason (packages/domain moderation.ts). */
const REASON_MIN_CHARS = 3;

/**
 * A reason, always required: it is what the public moderation log shows. The field takes the
 * focus when the form appears; Cancel gives it back to the caller.
 */
export function ReasonForm({
  label,
  hint,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  label: string;
  hint: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < REASON_MIN_CHARS || trimmed.length > MODERATION_REASON_MAX_CHARS) {
      setInvalid(true);
      field.current?.focus();
      return;
    }
    setInvalid(false);
    onSubmit(trimmed);
  };

  return (
    <form className="atelier-moderation__reason fr-mt-2w" noValidate onSubmit={submit}>
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
          rows={3}
          maxLength={MODERATION_REASON_MAX_CHARS}
          value={reason}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
          onChange={(event) => setReason(event.target.value)}
        />
        {invalid ? (
          <p id={`${id}-error`} className="fr-error-text">
            {t('moderation.reason.invalid')}
          </p>
        ) : null}
      </div>
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
