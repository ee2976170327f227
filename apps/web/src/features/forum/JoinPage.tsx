import {
  FORUM_LIMITS,
  JOIN_CODE_LENGTH,
  participantKinds,
  type ParticipantKind,
} from '@atelier/domain';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { RadioChoice } from '../../lib/RadioChoice';
import { ErrorAlert } from '../../lib/formFields';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/useSession';
import { forumApi, type JoinByCodeRequest } from './forumApi';
import { forumErrorKey } from './forumErrors';
import { rememberGuestToken } from './guestToken';
import { isWellFormedJoinCode, normaliseJoinCode } from './joinCode';

import './forum.css';

/**
 * Joining a live session with its code (`/rejoindre?code=…` is what the QR code opens). Signed-in
 * people join at once; others sign in or continue as a guest with a name and an organisation kind.
 */
export function JoinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forum.join.pageTitle'));
  const [searchParams] = useSearchParams();
  const session = useSession();
  const navigate = useNavigate();
  const id = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState(() => normaliseJoinCode(searchParams.get('code') ?? ''));
  const [codeInvalid, setCodeInvalid] = useState(false);
  const [displayName, setDisplayName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [kind, setKind] = useState<ParticipantKind>('citizen');
  const signedIn = session.data != null;

  const join = useMutation({
    mutationFn: (request: JoinByCodeRequest) => forumApi.join(request),
    onSuccess: (joined) => {
      if (joined.guestToken) rememberGuestToken(joined.sessionId, joined.guestToken);
      void navigate(`/forums/${joined.sessionId}`);
    },
  });

  // Scanning the QR code signed in: join straight away, as the person meant to.
  const autoJoined = useRef(false);
  const codeFromUrl = normaliseJoinCode(searchParams.get('code') ?? '');
  const { mutate } = join;
  useEffect(() => {
    if (!signedIn || autoJoined.current || !isWellFormedJoinCode(codeFromUrl)) return;
    autoJoined.current = true;
    mutate({ code: codeFromUrl });
  }, [signedIn, codeFromUrl, mutate]);

  const checkCode = () => {
    const ok = isWellFormedJoinCode(code);
    setCodeInvalid(!ok);
    if (!ok) codeRef.current?.focus();
    return ok;
  };
  const joinSignedIn = (event: FormEvent) => {
    event.preventDefault();
    if (checkCode()) join.mutate({ code });
  };
  const joinAsGuest = (event: FormEvent) => {
    event.preventDefault();
    const nameOk = displayName.trim() !== '';
    setNameMissing(!nameOk);
    if (checkCode() && nameOk) {
      join.mutate({ code, displayName: displayName.trim(), participantKind: kind });
    }
  };
  const returnTo = `/rejoindre${code ? `?code=${encodeURIComponent(code)}` : ''}`;
  const codeError = `${id}-code-error`;
  const nameError = `${id}-name-error`;

  if (session.isPending) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="atelier-forum atelier-forum--participant">
      <h1 className="fr-h2">{t('forum.join.title')}</h1>
      {join.isError ? <ErrorAlert title={t(forumErrorKey(join.error))} /> : null}
      <form onSubmit={signedIn ? joinSignedIn : joinAsGuest} noValidate>
        <div className={`fr-input-group${codeInvalid ? ' fr-input-group--error' : ''}`}>
          <label className="fr-label" htmlFor={`${id}-code`}>
            {t('forum.join.code')}
            <span className="fr-hint-text">
              {t('forum.join.codeHint', { length: JOIN_CODE_LENGTH })}
            </span>
          </label>
          <input
            ref={codeRef}
            id={`${id}-code`}
            className={`fr-input atelier-code-input${codeInvalid ? ' fr-input--error' : ''}`}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={JOIN_CODE_LENGTH + 4}
            value={code}
            aria-invalid={codeInvalid || undefined}
            aria-describedby={codeInvalid ? codeError : undefined}
            onChange={(event) => setCode(normaliseJoinCode(event.target.value))}
          />
          {codeInvalid ? (
            <p id={codeError} className="fr-error-text">
              {t('forum.join.codeInvalid', { length: JOIN_CODE_LENGTH })}
            </p>
          ) : null}
        </div>
        {signedIn ? (
          <>
            <p>{t('forum.join.asSignedIn', { name: session.data?.displayName })}</p>
            <button type="submit" className="fr-btn" disabled={join.isPending}>
              {t('forum.join.submit')}
            </button>
          </>
        ) : (
          <>
            <div className="fr-callout fr-mb-3w">
              <p className="fr-callout__text fr-text--md">{t('forum.join.haveAccount')}</p>
              <Link
                className="fr-btn fr-btn--secondary fr-mt-1w"
                to={`/connexion?retour=${encodeURIComponent(returnTo)}`}
              >
                {t('forum.join.signIn')}
              </Link>
            </div>
            <h2 className="fr-h4">{t('forum.join.guestTitle')}</h2>
            <p className="fr-text--sm">{t('forum.join.guestExplanation')}</p>
            <div className={`fr-input-group${nameMissing ? ' fr-input-group--error' : ''}`}>
              <label className="fr-label" htmlFor={`${id}-name`}>
                {t('forum.join.displayName')}
                <span className="fr-hint-text">{t('forum.join.displayNameHint')}</span>
              </label>
              <input
                id={`${id}-name`}
                className={`fr-input${nameMissing ? ' fr-input--error' : ''}`}
                autoComplete="nickname"
                maxLength={FORUM_LIMITS.guestNameMax}
                value={displayName}
                aria-invalid={nameMissing || undefined}
                aria-describedby={nameMissing ? nameError : undefined}
                onChange={(event) => setDisplayName(event.target.value)}
              />
              {nameMissing ? (
                <p id={nameError} className="fr-error-text">
                  {t('forum.join.displayNameMissing')}
                </p>
              ) : null}
            </div>
            <RadioChoice
              legend={t('forum.join.kind')}
              name={`${id}-kind`}
              values={participantKinds}
              value={kind}
              label={(value) => t(`forum.participantKind.${value}`)}
              onChange={setKind}
            />
            <button type="submit" className="fr-btn" disabled={join.isPending}>
              {t('forum.join.continueAsGuest')}
            </button>
          </>
        )}
      </form>
    </div>
  );
}
