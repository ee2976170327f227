import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { isApiError } from '../../lib/apiError';
import { ErrorAlert, TextField } from '../../lib/formFields';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ProviderButtons } from './ProviderButtons';
import { safeReturnPath } from './safeReturnPath';

// Messages are i18n keys, translated where they are shown.
const signInSchema = z.object({
  email: z.string().trim().min(1, 'forms.required').max(254).email('forms.email'),
  password: z.string().min(1, 'forms.required').max(256),
});
type SignInValues = z.infer<typeof signInSchema>;

function signInErrorKey(error: unknown): string {
  if (isApiError(error, 401)) return 'auth.errors.wrongCredentials';
  if (isApiError(error, 429)) return 'auth.errors.tooManyAttempts';
  if (isApiError(error, 403)) return 'auth.errors.accountDisabled';
  if (isApiError(error, 0)) return 'errors.network_error';
  return 'errors.unknown';
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signInTitle'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('retour'));
  const queryClient = useQueryClient();
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '' },
  });
  const signIn = useMutation({
    mutationFn: api.login,
    onSuccess: async (me) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, me);
      await navigate(returnTo);
    },
  });
  const { errors } = form.formState;

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t('auth.signInTitle')}</h1>
        <ProviderButtons returnTo={returnTo} />
        <form noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
          <fieldset className="fr-fieldset" aria-labelledby="sign-in-legend">
            <legend className="fr-fieldset__legend" id="sign-in-legend">
              <h2 className="fr-h5 fr-mb-0">{t('auth.localAccount')}</h2>
            </legend>
            <div className="fr-fieldset__element">
              {signIn.isError ? <ErrorAlert title={t(signInErrorKey(signIn.error))} /> : null}
              <p className="fr-text--sm">{t('forms.allRequired')}</p>
            </div>
            <div className="fr-fieldset__element">
              <TextField
                id="sign-in-email"
                type="email"
                autoComplete="email"
                label={t('auth.email')}
                hint={t('auth.emailHint')}
                error={errors.email}
                {...form.register('email')}
              />
            </div>
            <div className="fr-fieldset__element">
              <TextField
                id="sign-in-password"
                type="password"
                autoComplete="current-password"
                label={t('auth.password')}
                error={errors.password}
                {...form.register('password')}
              />
            </div>
            <div className="fr-fieldset__element">
              <button type="submit" className="fr-btn" disabled={signIn.isPending}>
                {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
              </button>
            </div>
          </fieldset>
        </form>
      </div>
    </div>
  );
}
