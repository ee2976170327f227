import {
  forumFormats,
  forumSessionCreateSchema,
  guestPolicies,
  type ForumFormat,
  type ForumSessionCreateInput,
  type GuestPolicy,
} from '@atelier/domain';
import type { ForumSessionDto } from '@atelier/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { RadioChoice } from '../../lib/RadioChoice';
import { ErrorAlert } from '../../lib/formFields';
import { AgendaEditor, newAgendaItem } from './AgendaEditor';
import { fromLocalInputValue, toLocalInputValue, type AgendaItemDraft } from './agendaDraft';
import { forumApi, forumQueryKeys } from './forumApi';
import { forumErrorKey } from './forumErrors';
import { useCommitmentNames } from './useCommitmentTitles';

type FieldError = 'title' | 'scheduledAt';

/**
 * Schedules a session, or edits one (`session` given): title, date and time, format, what
 * guests may do, and the agenda. Checked with the same schema as the server before sending.
 */
export function ForumSessionForm({
  consultationId,
  session,
  onDone,
}: {
  consultationId: string;
  session?: ForumSessionDto;
  onDone: (saved: ForumSessionDto | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const names = useCommitmentNames(consultationId);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState(session?.title ?? '');
  const [when, setWhen] = useState(session ? toLocalInputValue(session.scheduledAt) : '');
  const [format, setFormat] = useState<ForumFormat>(session?.format ?? 'in_person');
  const [guestPolicy, setGuestPolicy] = useState<GuestPolicy>(session?.guestPolicy ?? 'observe');
  const [agenda, setAgenda] = useState<readonly AgendaItemDraft[]>(
    () => session?.agenda.map((item) => ({ ...item, key: item.id })) ?? [newAgendaItem()],
  );
  const [errors, setErrors] = useState<ReadonlySet<FieldError>>(new Set());
  const [itemErrors, setItemErrors] = useState<ReadonlySet<string>>(new Set());

  const save = useMutation({
    mutationFn: (input: ForumSessionCreateInput) =>
      session ? forumApi.update(session.id, input) : forumApi.schedule(consultationId, input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: forumQueryKeys.sessions(consultationId) });
      onDone(saved);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scheduledAt = fromLocalInputValue(when);
    const fieldErrors = new Set<FieldError>();
    if (title.trim() === '') fieldErrors.add('title');
    if (scheduledAt === null) fieldErrors.add('scheduledAt');
    const missingTitles = new Set(
      agenda.filter((item) => item.title.trim() === '').map((item) => item.key),
    );
    setErrors(fieldErrors);
    setItemErrors(missingTitles);
    const parsed = forumSessionCreateSchema.safeParse({
      title,
      scheduledAt,
      format,
      guestPolicy,
      agenda: agenda.map(({ title: itemTitle, durationMinutes, commitmentId }) => ({
        title: itemTitle,
        durationMinutes,
        commitmentId,
      })),
    });
    if (fieldErrors.size > 0 || missingTitles.size > 0 || !parsed.success) {
      summaryRef.current?.focus();
      return;
    }
    save.mutate(parsed.data);
  };

  const invalid = errors.size > 0 || itemErrors.size > 0;
  return (
    <form onSubmit={submit} noValidate className="atelier-forum-form fr-mb-6w">
      <h3>{session ? t('forum.form.editTitle') : t('forum.form.newTitle')}</h3>
      <div ref={summaryRef} tabIndex={-1}>
        {invalid ? <ErrorAlert title={t('forum.form.invalid')} /> : null}
        {save.isError ? <ErrorAlert title={t(forumErrorKey(save.error))} /> : null}
      </div>
      <div className={`fr-input-group${errors.has('title') ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${id}-title`}>
          {t('forum.form.title')}
        </label>
        <input
          id={`${id}-title`}
          className={`fr-input${errors.has('title') ? ' fr-input--error' : ''}`}
          value={title}
          maxLength={200}
          aria-invalid={errors.has('title') || undefined}
          aria-describedby={errors.has('title') ? `${id}-title-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {errors.has('title') ? (
          <p id={`${id}-title-error`} className="fr-error-text">
            {t('forms.required')}
          </p>
        ) : null}
      </div>
      <div className={`fr-input-group${errors.has('scheduledAt') ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${id}-when`}>
          {t('forum.form.scheduledAt')}
          <span className="fr-hint-text">{t('forum.form.scheduledAtHint')}</span>
        </label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          className={`fr-input${errors.has('scheduledAt') ? ' fr-input--error' : ''}`}
          value={when}
          aria-invalid={errors.has('scheduledAt') || undefined}
          aria-describedby={errors.has('scheduledAt') ? `${id}-when-error` : undefined}
          onChange={(event) => setWhen(event.target.value)}
        />
        {errors.has('scheduledAt') ? (
          <p id={`${id}-when-error`} className="fr-error-text">
            {t('forum.form.scheduledAtMissing')}
          </p>
        ) : null}
      </div>
      <RadioChoice
        inline
        legend={t('forum.form.format')}
        name={`${id}-format`}
        values={forumFormats}
        value={format}
        label={(value) => t(`forum.format.${value}`)}
        onChange={setFormat}
      />
      <RadioChoice
        inline
        legend={t('forum.form.guestPolicy')}
        name={`${id}-guests`}
        values={guestPolicies}
        value={guestPolicy}
        label={(value) => t(`forum.guestPolicy.${value}`)}
        onChange={setGuestPolicy}
      />
      <AgendaEditor
        items={agenda}
        onChange={setAgenda}
        commitments={names.list}
        titleErrors={itemErrors}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <button type="submit" className="fr-btn" disabled={save.isPending}>
            {session ? t('forum.form.save') : t('forum.form.schedule')}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
        </li>
      </ul>
    </form>
  );
}
