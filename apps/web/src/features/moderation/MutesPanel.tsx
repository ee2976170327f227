import { MODERATION_REASON_MAX_CHARS } from '@atelier/domain';
import type { MemberDto } from '@atelier/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { DataTable } from '../../lib/DataTable';
import { ErrorAlert } from '../../lib/formFields';
import { isReasonWithinBounds } from '../../lib/ReasonForm';
import { useSession } from '../auth/useSession';
import { absoluteDateTimeLabel } from '../commitments/commitmentView';
import { QueryState } from '../consultations/QueryState';
import { moderationApi, moderationQueryKeys, type MuteDto } from './moderationApi';
import { moderationErrorKey } from './moderationErrors';
import { muteCandidates, muteDurations, muteUntil, type MuteDuration } from './moderationView';

/**
 * Mutes: who cannot comment nor edit in this consultation until when, and why; a facilitator
 * mutes a participant for a period with a reason (public in the moderation log) or lifts it.
 */
export function MutesPanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutes = useQuery({
    queryKey: moderationQueryKeys.mutes(consultationId),
    queryFn: () => moderationApi.mutes(consultationId),
  });
  const members = useQuery({
    queryKey: queryKeys.members(consultationId),
    queryFn: () => api.members(consultationId),
  });
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: moderationQueryKeys.mutes(consultationId) });
    void queryClient.invalidateQueries({ queryKey: moderationQueryKeys.log(consultationId) });
  };
  const nameOf = (userId: string) =>
    members.data?.find((member) => member.userId === userId)?.displayName ??
    t('moderation.mutes.unknownPerson');
  const unmute = useMutation({
    mutationFn: (userId: string) => moderationApi.unmute(consultationId, userId),
    onSuccess: (_, userId) => {
      setAnnouncement(t('moderation.mutes.unmuted', { name: nameOf(userId) }));
      refresh();
    },
  });

  return (
    <section aria-labelledby="mutes-title">
      <h3 id="mutes-title">{t('moderation.mutes.title')}</h3>
      <p>{t('moderation.mutes.intro')}</p>
      <div aria-live="polite">
        {announcement ? (
          <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
            <p>{announcement}</p>
          </div>
        ) : null}
      </div>
      {unmute.isError ? <ErrorAlert title={t(moderationErrorKey(unmute.error))} /> : null}
      <QueryState query={mutes}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('moderation.mutes.empty')}</p>
          ) : (
            <MutesTable
              mutes={list}
              nameOf={nameOf}
              pending={unmute.isPending}
              onUnmute={(mute) => {
                if (
                  window.confirm(t('moderation.mutes.unmuteConfirm', { name: nameOf(mute.userId) }))
                )
                  unmute.mutate(mute.userId);
              }}
            />
          )
        }
      </QueryState>
      {members.data ? (
        <MuteForm
          consultationId={consultationId}
          members={members.data}
          onMuted={(mute) => {
            setAnnouncement(t('moderation.mutes.muted', { name: nameOf(mute.userId) }));
            refresh();
          }}
        />
      ) : null}
    </section>
  );
}

function MutesTable({
  mutes,
  nameOf,
  pending,
  onUnmute,
}: {
  mutes: readonly MuteDto[];
  nameOf: (userId: string) => string;
  pending: boolean;
  onUnmute: (mute: MuteDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  return (
    <DataTable
      caption={t('moderation.mutes.caption')}
      columns={[
        t('moderation.mutes.columns.person'),
        t('moderation.mutes.columns.until'),
        t('moderation.mutes.columns.reason'),
        t('moderation.mutes.columns.since'),
        t('moderation.mutes.columns.actions'),
      ]}
    >
      {mutes.map((mute) => (
        <tr key={mute.userId}>
          <th scope="row">{nameOf(mute.userId)}</th>
          <td>
            <time dateTime={mute.until}>{absoluteDateTimeLabel(mute.until, locale)}</time>
          </td>
          <td>{mute.reason}</td>
          <td>
            <time dateTime={mute.createdAt}>{absoluteDateTimeLabel(mute.createdAt, locale)}</time>
          </td>
          <td>
            <button
              type="button"
              className="fr-btn fr-btn--sm fr-btn--tertiary"
              disabled={pending}
              aria-label={t('moderation.mutes.unmuteLabel', { name: nameOf(mute.userId) })}
              onClick={() => onUnmute(mute)}
            >
              {t('moderation.mutes.unmute')}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function MuteForm({
  consultationId,
  members,
  onMuted,
}: {
  consultationId: string;
  members: readonly MemberDto[];
  onMuted: (mute: MuteDto) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const candidates = muteCandidates(members, session.data?.id ?? null);
  const [userId, setUserId] = useState('');
  const [duration, setDuration] = useState<MuteDuration>('day');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<{ person: boolean; reason: boolean }>({
    person: false,
    reason: false,
  });
  const mute = useMutation({
    mutationFn: () =>
      moderationApi.mute(consultationId, userId, {
        until: muteUntil(Date.now(), duration),
        reason: reason.trim(),
      }),
    onSuccess: (created) => {
      setUserId('');
      setReason('');
      onMuted(created);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = { person: userId === '', reason: !isReasonWithinBounds(reason) };
    setInvalid(problems);
    if (problems.person) document.getElementById('mute-person')?.focus();
    else if (problems.reason) document.getElementById('mute-reason')?.focus();
    else mute.mutate();
  };

  return (
    <form className="fr-mt-4w" aria-labelledby="mute-form-title" noValidate onSubmit={submit}>
      <h4 id="mute-form-title" className="fr-h6">
        {t('moderation.mutes.formTitle')}
      </h4>
      <p className="fr-hint-text">{t('forms.allRequired')}</p>
      {mute.isError ? <ErrorAlert title={t(moderationErrorKey(mute.error))} /> : null}
      <div className={`fr-select-group${invalid.person ? ' fr-select-group--error' : ''}`}>
        <label className="fr-label" htmlFor="mute-person">
          {t('moderation.mutes.person')}
        </label>
        <select
          id="mute-person"
          className={`fr-select${invalid.person ? ' fr-select--error' : ''}`}
          value={userId}
          aria-invalid={invalid.person ? true : undefined}
          aria-describedby={invalid.person ? 'mute-person-error' : undefined}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">{t('moderation.mutes.choosePerson')}</option>
          {candidates.map((member) => (
            <option key={member.userId} value={member.userId}>
              {t('moderation.mutes.candidate', {
                name: member.displayName,
                role: t(`roles.${member.role}`),
              })}
            </option>
          ))}
        </select>
        {invalid.person ? (
          <p id="mute-person-error" className="fr-error-text">
            {t('moderation.mutes.personRequired')}
          </p>
        ) : null}
      </div>
      <div className="fr-select-group">
        <label className="fr-label" htmlFor="mute-duration">
          {t('moderation.mutes.duration')}
        </label>
        <select
          id="mute-duration"
          className="fr-select"
          value={duration}
          onChange={(event) => setDuration(event.target.value as MuteDuration)}
        >
          {muteDurations.map((option) => (
            <option key={option} value={option}>
              {t(`moderation.mutes.durations.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`fr-input-group${invalid.reason ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor="mute-reason">
          {t('moderation.mutes.reason')}
          <span className="fr-hint-text" id="mute-reason-hint">
            {t('moderation.reason.publicHint')}
          </span>
        </label>
        <textarea
          id="mute-reason"
          className={`fr-input${invalid.reason ? ' fr-input--error' : ''}`}
          rows={3}
          maxLength={MODERATION_REASON_MAX_CHARS}
          value={reason}
          aria-invalid={invalid.reason ? true : undefined}
          aria-describedby={`mute-reason-hint${invalid.reason ? ' mute-reason-error' : ''}`}
          onChange={(event) => setReason(event.target.value)}
        />
        {invalid.reason ? (
          <p id="mute-reason-error" className="fr-error-text">
            {t('common.reasonInvalid')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="fr-btn" disabled={mute.isPending}>
        {t('moderation.mutes.submit')}
      </button>
    </form>
  );
}
