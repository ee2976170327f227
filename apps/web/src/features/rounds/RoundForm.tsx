import { commentRoundAudiences } from '@atelier/domain';
import type { CommentRoundDto, CommitmentDto } from '@atelier/protocol';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useForm, useWatch, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { ErrorAlert, TextField } from '../../lib/formFields';
import { displayTitle } from '../commitments/commitmentView';
import { roundErrorKey } from './roundErrors';
import { roundsApi, type RoundInput } from './roundsApi';
import { defaultRoundDates, fromDateTimeLocal, toDateTimeLocal } from './roundView';

// The server's limits (packages/domain commentRound.ts), checked here first to say it sooner.
const TITLE_MIN_CHARS = 3;
const TITLE_MAX_CHARS = 200;
const INSTRUCTIONS_MAX_CHARS = 10_000;

const localInstant = z
  .string()
  .refine((value) => fromDateTimeLocal(value) !== null, 'rounds.form.errors.dateInvalid');

const roundFormSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(TITLE_MIN_CHARS, 'rounds.form.errors.titleLength')
      .max(TITLE_MAX_CHARS, 'rounds.form.errors.titleLength'),
    instructions: z.string().trim().max(INSTRUCTIONS_MAX_CHARS, 'rounds.form.errors.instructions'),
    opensAt: localInstant,
    closesAt: localInstant,
    audience: z.enum(commentRoundAudiences),
    scope: z.enum(['all', 'some']),
    commitmentIds: z.array(z.string()),
  })
  .refine((values) => Date.parse(values.closesAt) > Date.parse(values.opensAt), {
    path: ['closesAt'],
    message: 'rounds.form.errors.closesBeforeOpens',
  })
  .refine((values) => values.scope === 'all' || values.commitmentIds.length > 0, {
    path: ['commitmentIds'],
    message: 'rounds.form.errors.noCommitment',
  });
type RoundFormValues = z.infer<typeof roundFormSchema>;

function initialValues(round: CommentRoundDto | null): RoundFormValues {
  const dates = round ?? defaultRoundDates(Date.now());
  return {
    title: round?.title ?? '',
    instructions: round?.instructions ?? '',
    opensAt: toDateTimeLocal(dates.opensAt),
    closesAt: toDateTimeLocal(dates.closesAt),
    audience: round?.audience ?? 'members',
    scope: round && round.commitmentIds.length > 0 ? 'some' : 'all',
    commitmentIds: round ? [...round.commitmentIds] : [],
  };
}

/**
 * What to send. When editing, a date the facilitator left alone is not sent: the input only
 * shows minutes, and sending it back would move a round closed early by a few seconds.
 */
function toInput(
  values: RoundFormValues,
  initial: RoundFormValues,
  editing: boolean,
): Partial<RoundInput> {
  const dates: { opensAt?: string; closesAt?: string } = {};
  if (!editing || values.opensAt !== initial.opensAt)
    dates.opensAt = fromDateTimeLocal(values.opensAt)!;
  if (!editing || values.closesAt !== initial.closesAt)
    dates.closesAt = fromDateTimeLocal(values.closesAt)!;
  return {
    title: values.title,
    instructions: values.instructions,
    audience: values.audience,
    commitmentIds: values.scope === 'all' ? [] : values.commitmentIds,
    ...dates,
  };
}

/**
 * Opens a round (or changes one): title, instructions, opening and closing date-time, who may
 * take part, and all or some commitments. Facilitators only; the server checks it again.
 */
export function RoundForm({
  consultationId,
  commitments,
  round,
  headingLevel,
  onSaved,
  onCancel,
}: {
  consultationId: string;
  commitments: readonly CommitmentDto[];
  /** The round to change; null for a new one. */
  round: CommentRoundDto | null;
  /** 3 for a new round beside the list, 4 inside a round's own section. */
  headingLevel: 3 | 4;
  onSaved: (round: CommentRoundDto) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const headingId = `${id}-heading`;
  const [initial] = useState(() => initialValues(round));
  const form = useForm<RoundFormValues>({
    resolver: zodResolver(roundFormSchema),
    defaultValues: initial,
  });
  const save = useMutation({
    mutationFn: (values: RoundFormValues) => {
      const input = toInput(values, initial, round !== null);
      return round
        ? roundsApi.update(round.id, input)
        : roundsApi.create(consultationId, input as RoundInput);
    },
    onSuccess: onSaved,
  });
  // The form appears after a button press: the person lands on its first field.
  const { setFocus } = form;
  useEffect(() => setFocus('title'), [setFocus]);
  const scope = useWatch({ control: form.control, name: 'scope' });
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const errors = form.formState.errors;

  return (
    <form
      className="atelier-round-form fr-mb-4w"
      aria-labelledby={headingId}
      noValidate
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <Heading id={headingId} className="fr-h5">
        {round ? t('rounds.form.editTitle', { title: round.title }) : t('rounds.form.newTitle')}
      </Heading>
      <p className="fr-hint-text">{t('forms.allRequired')}</p>
      {save.isError ? <ErrorAlert title={t(roundErrorKey(save.error))} /> : null}
      <TextField
        id={`${id}-title`}
        label={t('rounds.form.title')}
        autoComplete="off"
        error={errors.title}
        {...form.register('title')}
      />
      <TextArea
        id={`${id}-instructions`}
        label={t('rounds.form.instructions')}
        hint={t('rounds.form.instructionsHint')}
        error={errors.instructions}
        {...form.register('instructions')}
      />
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${id}-opens`}
            type="datetime-local"
            label={t('rounds.form.opensAt')}
            hint={t('rounds.form.dateHint')}
            error={errors.opensAt}
            {...form.register('opensAt')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${id}-closes`}
            type="datetime-local"
            label={t('rounds.form.closesAt')}
            hint={t('rounds.form.dateHint')}
            error={errors.closesAt}
            {...form.register('closesAt')}
          />
        </div>
      </div>
      <RadioFieldset
        id={`${id}-audience`}
        legend={t('rounds.form.audience')}
        options={commentRoundAudiences.map((audience) => ({
          value: audience,
          label: t(`rounds.audience.${audience}`),
          hint: t(`rounds.audienceHint.${audience}`),
        }))}
        register={form.register('audience')}
      />
      <RadioFieldset
        id={`${id}-scope`}
        legend={t('rounds.form.scope')}
        options={[
          { value: 'all', label: t('rounds.form.scopeAll') },
          { value: 'some', label: t('rounds.form.scopeSome') },
        ]}
        register={form.register('scope')}
      />
      {scope === 'some' ? (
        <CommitmentChoice
          id={`${id}-commitments`}
          commitments={commitments}
          error={errors.commitmentIds as FieldError | undefined}
          register={form.register('commitmentIds')}
        />
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={save.isPending}>
            {round ? t('rounds.form.saveChanges') : t('rounds.form.create')}
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

type Registration = UseFormRegisterReturn;

function TextArea({
  id,
  label,
  hint,
  error,
  ...registration
}: { id: string; label: string; hint: string; error: FieldError | undefined } & Registration) {
  const { t } = useTranslation();
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text" id={`${id}-hint`}>
          {hint}
        </span>
      </label>
      <textarea
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        {...registration}
      />
      {error ? (
        <p id={`${id}-error`} className="fr-error-text">
          {t(error.message ?? 'forms.invalid')}
        </p>
      ) : null}
    </div>
  );
}

function RadioFieldset({
  id,
  legend,
  options,
  register,
}: {
  id: string;
  legend: string;
  options: readonly { value: string; label: string; hint?: string }[];
  register: Registration;
}) {
  return (
    <fieldset className="fr-fieldset" id={id} aria-labelledby={`${id}-legend`}>
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}-legend`}>
        {legend}
      </legend>
      {options.map((option) => (
        <div className="fr-fieldset__element" key={option.value}>
          <div className="fr-radio-group">
            <input type="radio" id={`${id}-${option.value}`} value={option.value} {...register} />
            <label className="fr-label" htmlFor={`${id}-${option.value}`}>
              {option.label}
              {option.hint ? <span className="fr-hint-text">{option.hint}</span> : null}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function CommitmentChoice({
  id,
  commitments,
  error,
  register,
}: {
  id: string;
  commitments: readonly CommitmentDto[];
  error: FieldError | undefined;
  register: Registration;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={id}
      aria-labelledby={`${id}-legend${error ? ` ${id}-messages` : ''}`}
    >
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}-legend`}>
        {t('rounds.form.commitments')}
      </legend>
      {commitments.map((commitment) => (
        <div className="fr-fieldset__element" key={commitment.id}>
          <div className="fr-checkbox-group">
            <input
              type="checkbox"
              id={`${id}-${commitment.id}`}
              value={commitment.id}
              {...register}
            />
            <label className="fr-label" htmlFor={`${id}-${commitment.id}`}>
              {t('rounds.commitmentLabel', {
                number: commitment.number,
                title: displayTitle(commitment),
              })}
            </label>
          </div>
        </div>
      ))}
      <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
        {error ? (
          <p className="fr-message fr-message--error">{t(error.message ?? 'forms.invalid')}</p>
        ) : null}
      </div>
    </fieldset>
  );
}
