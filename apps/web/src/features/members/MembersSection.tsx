import { consultationRoles, type ConsultationRole } from '@atelier/domain';
import type { MemberDto } from '@atelier/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { errorMessageKey } from '../../lib/apiError';
import { ErrorAlert } from '../../lib/formFields';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { InviteForm } from './InviteForm';
import { DataTable } from '../../lib/DataTable';

const memberErrorCodes = new Set(['last_facilitator', 'member_not_found', 'insufficient_role']);

export function MembersSection() {
  const { t } = useTranslation();
  const { consultation, role } = useConsultationContext();
  const members = useQuery({
    queryKey: queryKeys.members(consultation.id),
    queryFn: () => api.members(consultation.id),
  });
  const canManage = role === 'facilitator';
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      <QueryState query={members}>
        {(list) => (
          <MembersTable consultationId={consultation.id} members={list} canManage={canManage} />
        )}
      </QueryState>
      {canManage ? <InviteForm consultationId={consultation.id} /> : null}
    </section>
  );
}

function MembersTable({
  consultationId,
  members,
  canManage,
}: {
  consultationId: string;
  members: readonly MemberDto[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.members(consultationId) });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: ConsultationRole }) =>
      api.setMemberRole(consultationId, userId, role),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.removeMember(consultationId, userId),
    onSettled: refresh,
  });
  const failure = changeRole.error ?? remove.error;
  return (
    <>
      {failure ? <ErrorAlert title={t(errorMessageKey(failure, memberErrorCodes))} /> : null}
      <DataTable
        caption={t('members.caption')}
        columns={[
          t('members.columns.name'),
          t('members.columns.organisation'),
          t('members.columns.role'),
          canManage ? t('members.columns.actions') : null,
        ]}
      >
        {members.map((member) => (
          <tr key={member.userId}>
            <th scope="row">{member.displayName}</th>
            <td>{member.organisation?.name ?? '—'}</td>
            <td>
              {canManage ? (
                <RoleSelect
                  member={member}
                  disabled={changeRole.isPending}
                  onChange={(role) => changeRole.mutate({ userId: member.userId, role })}
                />
              ) : (
                t(`roles.${member.role}`)
              )}
            </td>
            {canManage ? (
              <td>
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--tertiary"
                  disabled={remove.isPending}
                  aria-label={t('members.removeLabel', { name: member.displayName })}
                  onClick={() => {
                    if (window.confirm(t('members.removeConfirm', { name: member.displayName }))) {
                      remove.mutate(member.userId);
                    }
                  }}
                >
                  {t('members.remove')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function RoleSelect({
  member,
  disabled,
  onChange,
}: {
  member: MemberDto;
  disabled: boolean;
  onChange: (role: ConsultationRole) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="fr-select-group fr-mb-0">
      <label className="fr-sr-only" htmlFor={id}>
        {t('members.roleOf', { name: member.displayName })}
      </label>
      <select
        id={id}
        className="fr-select"
        value={member.role}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as ConsultationRole)}
      >
        {consultationRoles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
