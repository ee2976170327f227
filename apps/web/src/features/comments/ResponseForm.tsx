import { RESPONSE_REASON_MAX_CHARS, type ThreadDisposition } from '@atelier/domain';
import type { CommentThreadDto } from '@atelier/protocol';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { commentsApi } from './commentsApi';
import { useCommentsContext } from './commentsContext';
import { commentErrorKey, threadDispositionChoices } from './commentView';
import { useInvalidateThreads } from './useInvalidateThreads';

/** How long a draft version label may be (`threadResponseSchema` in `@atelier/domain`). */
const DRAFT_VERSION_MAX_CHARS = 100;

/**
 * The reasoned response to a thread (OGP co-creation standards): a disposition, the reason, and
 * optionally the version of the draft where the contribution was taken into account. Recording
 * it again replaces it. Offered to facilitators and lead organisations; the server decides.
 */
export function ResponseForm({ thread, onDone }: { thread: CommentThreadDto; onDone: () => void }) {
  const { t } = useTranslation();
  const { commitmentId } = useCommentsContext();
  const invalidate = useInvalidateThreads(commitmentId);
  const dispositionId = useId();
  const reasonId = useId();
  const versionId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const [disposition, setDisposition] = useState<ThreadDisposition | ''>(
    thread.response?.disposition ?? '',
  );
  const [reason, setReason] = useState(thread.response?.reason ?? '');
  const [version, setVersion] = useState(thread.response?.draftVersion ?? '');
  const save = useMutation({
    mutationFn: (chosen: ThreadDisposition) =>
      commentsApi.respond(thread.id, {
        disposition: chosen,
        reason: reason.trim(),
        draftVersion: version.trim() === '' ? null : version.trim(),
      }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  useEffect(() => selectRef.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disposition !== '' && reason.trim() !== '') save.mutate(disposition);
  };
  return (
    <form
      className="atelier-comments__reply"
      aria-label={t('comments.respond.form')}
      onSubmit={submit}
    >
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={dispositionId}>
          {t('comments.respond.disposition')}
        </label>
        <select
          ref={selectRef}
          id={dispositionId}
          className="fr-select"
          required
          value={disposition}
          onChange={(event) => setDisposition(event.target.value as ThreadDisposition | '')}
        >
          <option value="" disabled>
            {t('comments.respond.choose')}
          </option>
          {threadDispositionChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`comments.disposition.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={reasonId}>
          {t('comments.respond.reason')}
          <span className="fr-hint-text">{t('comments.respond.reasonHint')}</span>
        </label>
        <textarea
          id={reasonId}
          className="fr-input"
          rows={3}
          required
          maxLength={RESPONSE_REASON_MAX_CHARS}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={versionId}>
          {t('comments.respond.version')}
          <span className="fr-hint-text">{t('comments.respond.versionHint')}</span>
        </label>
        <input
          id={versionId}
          className="fr-input"
          maxLength={DRAFT_VERSION_MAX_CHARS}
          value={version}
          onChange={(event) => setVersion(event.target.value)}
        />
      </div>
      {save.isError ? (
        <p className="fr-error-text" role="alert">
          {t(commentErrorKey(save.error))}
        </p>
      ) : null}
      <div className="atelier-comments__actions">
        <button type="submit" className="fr-btn fr-btn--sm" disabled={save.isPending}>
          {t('comments.respond.submit')}
        </button>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
