import { displayNameSchema, passwordSchema } from '@atelier/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';

import { queryKeys } from '../../app/queryClient';
import { api, type InvitationAcceptance } from '../../lib/api';
import { errorMessageKey } from '../../lib/apiError';
import { ErrorAlert, TextField } from '../../lib/formFields';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/useSession';

// The server's own rules (domain schemas), with messages as i18n keys.
const newAccountSchema = z
  .object({
    displayName: displayNameSchema.pipe(z.string().min(1, 'forms.required')),
    password: z
      .string()
      .min(passwordSchema.minLength ?? 12, 'invitation.passwordTooShort')
      .max(256),
    confirmation: z.string(),
  })
  .refine((values) => values.password === values.confirmation, {
    path: ['confirmation'],
    message: 'invitation.passwordsDiffer',
  });
type NewAccountValues = z.infer<typeof newAccountSchema>;

const invitationErrorCodes = new Set([
  'invitation_not_found',
  'invitation_expired',
  'invitation_used',
  'invitation_for_another_account',
  'account_exists',
  'account_details_required',
]);

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: (acceptance: InvitationAcceptance) => api.acceptInvitation(token, acceptance),
    onSuccess: async (me) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, me);
      const joined = me.memberships.at(-1)?.consultationId;
      await navigate(joined ? `/consultations/${joined}` : '/consultations');
    },
  });
  const form = useForm<NewAccountValues>({
    resolver: zodResolver(newAccountSchema),
    defaultValues: { displayName: '', password: '', confirmation: '' },
  });
  const me = session.data;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t('invitation.title')}</h1>
        <p>{t('invitation.intro')}</p>
        {accept.isError ? (
          <ErrorAlert title={t(errorMessageKey(accept.error, invitationErrorCodes))} />
        ) : null}
        {me ? (
          <>
            <p>{t('invitation.signedInAs', { name: me.displayName })}</p>
            <button
              type="button"
              className="fr-btn"
              disabled={accept.isPending}
              onClick={() => accept.mutate({})}
            >
              {t('invitation.joinWithAccount')}
            </button>
          </>
        ) : (
          <form
            noValidate
            onSubmit={form.handleSubmit(({ displayName, password }) =>
              accept.mutate({ displayName, password }),
            )}
          >
            <fieldset className="fr-fieldset" aria-labelledby="invitation-legend">
              <legend className="fr-fieldset__legend" id="invitation-legend">
                <h2 className="fr-h5 fr-mb-0">{t('invitation.createAccount')}</h2>
              </legend>
              <div className="fr-fieldset__element">
                <TextField
                  id="invitation-name"
                  autoComplete="name"
                  label={t('invitation.displayName')}
                  hint={t('invitation.displayNameHint')}
                  error={form.formState.errors.displayName}
                  {...form.register('displayName')}
                />
              </div>
              <div className="fr-fieldset__element">
                <TextField
                  id="invitation-password"
                  type="password"
                  autoComplete="new-password"
                  label={t('invitation.password')}
                  hint={t('invitation.passwordHint')}
                  error={form.formState.errors.password}
                  {...form.register('password')}
                />
              </div>
              <div className="fr-fieldset__element">
                <TextField
                  id="invitation-confirmation"
                  type="password"
                  autoComplete="new-password"
                  label={t('invitation.confirmation')}
                  error={form.formState.errors.confirmation}
                  {...form.register('confirmation')}
                />
              </div>
              <div className="fr-fieldset__element">
                <button type="submit" className="fr-btn" disabled={accept.isPending}>
                  {t('invitation.accept')}
                </button>
              </div>
            </fieldset>
            <p>
              {t('invitation.haveAccount')}{' '}
              <Link to={`/connexion?retour=${encodeURIComponent(`/invitations/${token}`)}`}>
                {t('auth.signIn')}
              </Link>
            </p>
          </form>
        )}
      </div>
    </div>
  );
}
