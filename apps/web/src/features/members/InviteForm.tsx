import { consultationRoles } from '@atelier/domain';
import type { InvitationCreatedDto } from '@atelier/protocol';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { api } from '../../lib/api';
import { errorMessageKey } from '../../lib/apiError';
import { ErrorAlert, TextField } from '../../lib/formFields';

const inviteSchema = z.object({
  email: z.string().trim().min(1, 'forms.required').max(254).email('forms.email'),
  role: z.enum(consultationRoles),
});
type InviteValues = z.infer<typeof inviteSchema>;

const inviteErrorCodes = new Set(['validation_failed', 'insufficient_role']);

/** Facilitators invite by email with a role and get a link to pass on (emailed when SMTP is set). */
export function InviteForm({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const form = useForm<InviteValues>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: '', role: 'contributor' },
  });
  const invite = useMutation({
    mutationFn: (values: InviteValues) => api.invite(consultationId, values),
    onSuccess: () => form.reset({ email: '', role: form.getValues('role') }),
  });
  return (
    <section className="fr-mt-6w" aria-labelledby="invite-title">
      <h3 id="invite-title">{t('members.invite.title')}</h3>
      <form noValidate onSubmit={form.handleSubmit((values) => invite.mutate(values))}>
        {invite.isError ? (
          <ErrorAlert title={t(errorMessageKey(invite.error, inviteErrorCodes))} />
        ) : null}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <TextField
              id="invite-email"
              type="email"
              autoComplete="off"
              label={t('members.invite.email')}
              error={form.formState.errors.email}
              {...form.register('email')}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="invite-role">
                {t('members.invite.role')}
              </label>
              <select id="invite-role" className="fr-select" {...form.register('role')}>
                {consultationRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <button type="submit" className="fr-btn" disabled={invite.isPending}>
          {t('members.invite.submit')}
        </button>
      </form>
      {invite.data ? <InvitationLink invitation={invite.data} /> : null}
    </section>
  );
}

function InvitationLink({ invitation }: { invitation: InvitationCreatedDto }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState(false);
  const expires = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' }).format(
    new Date(invitation.expiresAt),
  );
  return (
    <div className="fr-alert fr-alert--success fr-mt-3w" role="status">
      <p className="fr-alert__title">
        {invitation.emailSent ? t('members.invite.sent') : t('members.invite.created')}
      </p>
      <p>{t('members.invite.expires', { date: expires })}</p>
      <div className="fr-input-group fr-mt-2w">
        <label className="fr-label" htmlFor="invitation-url">
          {t('members.invite.link')}
        </label>
        <input id="invitation-url" className="fr-input" readOnly value={invitation.url} />
      </div>
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--secondary"
        onClick={() => {
          void navigator.clipboard.writeText(invitation.url).then(() => setCopied(true));
        }}
      >
        {t('members.invite.copy')}
      </button>
      <span className="fr-ml-2w" aria-live="polite">
        {copied ? t('members.invite.copied') : ''}
      </span>
    </div>
  );
}
