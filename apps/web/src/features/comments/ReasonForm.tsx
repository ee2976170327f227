import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { commentErrorKey } from './commentView';

/**
 * The server's bounds for a flag or moderation reason (`@atelier/domain` moderation.ts, a module
 * with zod schemas the editor route must not load, hence repeated here).
 */
const REASON_MIN_CHARS = 3;
const REASON_MAX_CHARS = 1000;

/**
 * A short form asking for a reason, then sending it: flagging, hiding, restoring. The reason box
 * takes the focus when the form opens; the server's refusal is explained under it.
 */
export function ReasonForm(props: {
  /** Names the form for assistive technologies (the action and whose comment). */
  readonly formLabel: string;
  readonly reasonLabel: string;
  readonly reasonHint: string;
  readonly submitLabel: string;
  readonly send: (reason: string) => Promise<unknown>;
  readonly onDone: () => void | Promise<void>;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);
  const submit = useMutation({
    mutationFn: () => props.send(reason.trim()),
    onSuccess: () => props.onDone(),
  });
  useEffect(() => reasonRef.current?.focus(), []);
  return (
    <form
      className="atelier-comments__moderation"
      aria-label={props.formLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length >= REASON_MIN_CHARS) submit.mutate();
      }}
    >
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={reasonId}>
          {props.reasonLabel}
          <span className="fr-hint-text">{props.reasonHint}</span>
        </label>
        <input
          ref={reasonRef}
          id={reasonId}
          className="fr-input"
          minLength={REASON_MIN_CHARS}
          maxLength={REASON_MAX_CHARS}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {submit.isError ? (
        <p className="fr-error-text" role="alert">
          {t(commentErrorKey(submit.error))}
        </p>
      ) : null}
      <div className="atelier-comments__actions">
        <button type="submit" className="fr-btn fr-btn--sm" disabled={submit.isPending}>
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
    </form>
  );
}
