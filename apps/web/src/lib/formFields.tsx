import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** Its message is an i18n key. */
  readonly error?: FieldError | undefined;
}

/** A DSFR input group: label, hint and error are tied to the input for assistive technology. */
export function TextField({ id, label, hint, error, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? (
          <span className="fr-hint-text" id={hintId}>
            {hint}
          </span>
        ) : null}
      </label>
      <input
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {error ? (
        <p id={errorId} className="fr-error-text">
          {t(error.message ?? 'forms.invalid')}
        </p>
      ) : null}
    </div>
  );
}

/** A DSFR alert announced to screen readers when it appears. */
export function ErrorAlert({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
      <p className="fr-alert__title">{title}</p>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
