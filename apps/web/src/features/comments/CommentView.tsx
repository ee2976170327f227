import type { CommentDto } from '@atelier/protocol';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ReasonForm } from '../../lib/ReasonForm';
import { CommentBodyFields } from './CommentBodyFields';
import { commentsApi } from './commentsApi';
import { useCommentsContext } from './commentsContext';
import { commentErrorKey, formatDate, formatDateTime } from './commentView';
import { mentionsInBody, splitMentions } from './mentions';
import type { CommentDraft } from './MentionTextarea';
import { ReactionBar } from './ReactionBar';
import { useInvalidateThreads } from './useInvalidateThreads';

/**
 * One comment: author, words (plain text, mentions as chips), reactions, and what the reader may
 * do with it: edit or delete their own, flag someone else's, hide or restore as a facilitator.
 */
export function CommentView({ comment }: { comment: CommentDto }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const { viewer, canComment, canModerate } = useCommentsContext();
  const authorLineId = useId();
  const [editing, setEditing] = useState(false);
  const { display } = comment;
  const mine = viewer !== null && comment.author?.userId === viewer.userId;

  return (
    <div className="atelier-comment">
      {comment.author ? (
        <p id={authorLineId} className="fr-text--sm fr-mb-0">
          <strong>{comment.author.displayName}</strong>
          <span className="atelier-muted">
            {' · '}
            {t(`comments.kind.${comment.author.participantKind}`)}
            {' · '}
            <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
          </span>
        </p>
      ) : null}
      {display.kind === 'visible' ? (
        editing ? (
          <EditCommentForm comment={comment} body={display.body} onDone={() => setEditing(false)} />
        ) : (
          <>
            <CommentBody body={display.body} comment={comment} />
            {display.edited ? (
              <p className="fr-text--xs atelier-muted fr-mb-0">{t('comments.edited')}</p>
            ) : null}
            <ReactionBar
              comment={comment}
              describedBy={comment.author ? authorLineId : undefined}
              canReact={canComment}
            />
          </>
        )
      ) : display.kind === 'deleted' ? (
        <p className="atelier-comment__trace fr-mb-0">{t('comments.deleted')}</p>
      ) : (
        <p className="atelier-comment__trace fr-mb-0">
          {t('comments.hiddenTrace', {
            date: formatDate(display.at, locale),
            reason: display.reason,
          })}
        </p>
      )}
      {!editing ? (
        <div className="atelier-comment__tools">
          {mine && display.kind === 'visible' ? (
            <OwnCommentActions comment={comment} onEdit={() => setEditing(true)} />
          ) : null}
          {viewer !== null && !mine && display.kind === 'visible' ? (
            <FlagAction comment={comment} />
          ) : null}
          {canModerate && display.kind !== 'deleted' ? (
            <ModerationAction comment={comment} hidden={display.kind === 'hidden'} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The words as typed (React escapes them; line breaks kept by CSS), mentions as chips. */
function CommentBody({ body, comment }: { body: string; comment: CommentDto }) {
  return (
    <p className="atelier-comment__body fr-mb-0">
      {splitMentions(body, comment.mentions).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={index} className="atelier-mention">
            @{part.person.displayName}
          </span>
        ),
      )}
    </p>
  );
}

function EditCommentForm({
  comment,
  body,
  onDone,
}: {
  comment: CommentDto;
  body: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { commitmentId } = useCommentsContext();
  const invalidate = useInvalidateThreads(commitmentId);
  const [draft, setDraft] = useState<CommentDraft>({ body, picked: comment.mentions });
  const save = useMutation({
    mutationFn: () =>
      commentsApi.edit(comment.id, {
        body: draft.body,
        mentions: mentionsInBody(draft.body, draft.picked).map((person) => person.userId),
      }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.body.trim() !== '') save.mutate();
  };
  return (
    <form
      className="atelier-comments__reply"
      aria-label={t('comments.own.editForm')}
      onSubmit={submit}
    >
      <CommentBodyFields
        label={t('comments.own.editLabel')}
        rows={3}
        draft={draft}
        onDraftChange={setDraft}
        error={save.isError ? save.error : null}
        pending={save.isPending}
        submitLabel={t('comments.own.save')}
        onCancel={onDone}
      />
    </form>
  );
}

/** Edit and delete one's own comment; deleting asks once more, then cannot be undone. */
function OwnCommentActions({ comment, onEdit }: { comment: CommentDto; onEdit: () => void }) {
  const { t } = useTranslation();
  const { commitmentId } = useCommentsContext();
  const invalidate = useInvalidateThreads(commitmentId);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: () => commentsApi.remove(comment.id),
    onSuccess: () => invalidate(),
  });
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (confirming) {
    return (
      <div
        className="atelier-comment__confirm"
        role="group"
        aria-label={t('comments.own.confirmGroup')}
      >
        <p className="fr-text--sm fr-mb-1w">{t('comments.own.confirmQuestion')}</p>
        {remove.isError ? (
          <p className="fr-error-text" role="alert">
            {t(commentErrorKey(remove.error))}
          </p>
        ) : null}
        <div className="atelier-comments__actions">
          <button
            ref={confirmRef}
            type="button"
            className="fr-btn fr-btn--sm"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('comments.own.confirmDelete')}
          </button>
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-btn--tertiary"
            onClick={() => setConfirming(false)}
          >
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
        onClick={onEdit}
      >
        {t('comments.own.edit')}
      </button>
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
        onClick={() => setConfirming(true)}
      >
        {t('comments.own.delete')}
      </button>
    </>
  );
}

/** Anyone signed in flags a comment for the moderators, once, with a reason. */
function FlagAction({ comment }: { comment: CommentDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const flag = useMutation({
    mutationFn: (reason: string) => commentsApi.flag(comment.id, reason),
  });
  const name = comment.author?.displayName ?? '';
  if (flag.isSuccess) {
    return (
      <p className="fr-text--xs fr-mb-0" role="status">
        {t('comments.flag.sent')}
      </p>
    );
  }
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
        onClick={() => {
          flag.reset();
          setOpen(true);
        }}
      >
        {t('comments.flag.open', { name })}
      </button>
    );
  }
  return (
    <ReasonForm
      compact
      formLabel={t('comments.flag.open', { name })}
      label={t('comments.flag.reason')}
      hint={t('comments.flag.reasonHint')}
      submitLabel={t('comments.flag.submit')}
      pending={flag.isPending}
      error={flag.isError ? t(commentErrorKey(flag.error)) : null}
      onSubmit={(reason) => flag.mutate(reason)}
      onCancel={() => closeAndRefocus(setOpen, opener)}
    />
  );
}

/** Hide (or restore) a comment, with the reason the public moderation log will show. */
function ModerationAction({ comment, hidden }: { comment: CommentDto; hidden: boolean }) {
  const { t } = useTranslation();
  const { commitmentId } = useCommentsContext();
  const invalidate = useInvalidateThreads(commitmentId);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const decide = useMutation({
    mutationFn: (reason: string) =>
      hidden ? commentsApi.restore(comment.id, reason) : commentsApi.hide(comment.id, reason),
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
    },
  });
  const name = comment.author?.displayName ?? '';
  const actionLabel = hidden
    ? t('comments.moderation.restore', { name })
    : t('comments.moderation.hide', { name });
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
        onClick={() => {
          decide.reset();
          setOpen(true);
        }}
      >
        {actionLabel}
      </button>
    );
  }
  return (
    <ReasonForm
      compact
      formLabel={actionLabel}
      label={hidden ? t('comments.moderation.restoreReason') : t('comments.moderation.hideReason')}
      hint={t('comments.moderation.reasonHint')}
      submitLabel={
        hidden ? t('comments.moderation.confirmRestore') : t('comments.moderation.confirmHide')
      }
      pending={decide.isPending}
      error={decide.isError ? t(commentErrorKey(decide.error)) : null}
      onSubmit={(reason) => decide.mutate(reason)}
      onCancel={() => closeAndRefocus(setOpen, opener)}
    />
  );
}

/** Closes a reason form and gives the focus back to the button that opened it, once shown again. */
function closeAndRefocus(
  setOpen: (open: boolean) => void,
  opener: { readonly current: HTMLButtonElement | null },
): void {
  setOpen(false);
  requestAnimationFrame(() => opener.current?.focus());
}
