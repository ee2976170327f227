import type { TextAnchor } from '@atelier/collab';
import { COMMENT_BODY_MAX_CHARS } from '@atelier/domain';
import type { CommentDto, CommentThreadDto } from '@atelier/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { errorMessageKey } from '../../lib/apiError';
import { commentErrorCodes, formatDate, formatDateTime, totalOf } from './commentView';

/** What "Comment the selection" produced: a passage to comment, or why there is none. */
export type NewCommentStart =
  | { readonly kind: 'passage'; readonly anchor: TextAnchor; readonly key: number }
  | { readonly kind: 'refused'; readonly messageKey: string; readonly key: number };

export interface CommentsPanelProps {
  readonly commitmentId: string;
  /** Signed in with a role that may comment (commenters included); the server has the last word. */
  readonly canComment: boolean;
  /** Facilitators hide and restore comments. */
  readonly canModerate: boolean;
  readonly hasSelection: boolean;
  readonly newComment: NewCommentStart | null;
  readonly onCommentSelection: () => void;
  readonly onCloseNewComment: () => void;
}

export const COMMENTS_PANEL_ID = 'draft-comments';

/**
 * The commitment's comment threads, beside the draft: each with its passage (attached or
 * detached), comments, moderation traces, reactions and reasoned response; new threads on the
 * selected passage, replies, and for facilitators hiding and restoring. Bodies are plain text
 * rendered as text. Refreshed when the server says a thread changed (liveUpdates.ts).
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { commitmentId, canComment, hasSelection, newComment } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const threads = useQuery({
    queryKey: queryKeys.threads(commitmentId),
    queryFn: () => api.threads(commitmentId),
  });

  return (
    <section id={COMMENTS_PANEL_ID} className="atelier-comments" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-h5 fr-mb-1w">
        {t('comments.heading')}
      </h2>
      {canComment ? (
        <div className="fr-mb-2w">
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-btn--secondary"
            disabled={!hasSelection}
            // A mouse click keeps the draft's selection, as the toolbar's buttons do.
            onMouseDown={(event) => event.preventDefault()}
            onClick={props.onCommentSelection}
          >
            {t('comments.commentSelection')}
          </button>
          <p className="fr-text--xs atelier-muted fr-mt-1w fr-mb-0">{t('comments.selectHint')}</p>
        </div>
      ) : null}
      {newComment?.kind === 'refused' ? (
        <p key={newComment.key} className="fr-error-text" role="alert">
          {t(newComment.messageKey)}
        </p>
      ) : null}
      {newComment?.kind === 'passage' ? (
        <NewThreadForm
          key={newComment.key}
          commitmentId={commitmentId}
          anchor={newComment.anchor}
          onDone={props.onCloseNewComment}
        />
      ) : null}
      {threads.isPending ? <p role="status">{t('comments.loading')}</p> : null}
      {threads.isError ? (
        <p className="fr-error-text" role="alert">
          {t(errorMessageKey(threads.error, commentErrorCodes))}
        </p>
      ) : null}
      {threads.data ? (
        <>
          <p className="fr-text--sm atelier-muted fr-mb-1w" role="status">
            {t('comments.count', { count: threads.data.length })}
          </p>
          {threads.data.length > 0 ? (
            <ol className="atelier-comments__threads">
              {threads.data.map((thread) => (
                <li key={thread.id}>
                  <ThreadView thread={thread} {...props} />
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function useInvalidateThreads(commitmentId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.threads(commitmentId) });
}

function NewThreadForm({
  commitmentId,
  anchor,
  onDone,
}: {
  commitmentId: string;
  anchor: TextAnchor;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [body, setBody] = useState('');
  const invalidate = useInvalidateThreads(commitmentId);
  const create = useMutation({
    mutationFn: () => api.createThread(commitmentId, { body, anchor }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() !== '') create.mutate();
  };
  return (
    <form className="atelier-comments__new" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId} className="fr-text--md fr-text--bold fr-mb-1w">
        {t('comments.newThread')}
      </h3>
      <p className="fr-text--sm fr-mb-1w">{t('comments.onPassage')}</p>
      <blockquote className="atelier-comments__quote">{anchor.quote}</blockquote>
      <CommentBodyFields
        label={t('comments.yourComment')}
        rows={4}
        body={body}
        onBodyChange={setBody}
        error={create.isError ? create.error : null}
        pending={create.isPending}
        submitLabel={t('comments.publish')}
        onCancel={onDone}
      />
    </form>
  );
}

function ThreadView({
  thread,
  commitmentId,
  canComment,
  canModerate,
}: { thread: CommentThreadDto } & CommentsPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const first = thread.comments[0];
  const title = first?.author
    ? t('comments.threadBy', { name: first.author.displayName })
    : t('comments.threadUntitled');

  return (
    <article className="atelier-thread" aria-labelledby={headingId}>
      <h3 id={headingId} className="fr-text--md fr-text--bold fr-mb-1w">
        {title}
        {thread.status === 'resolved' ? (
          <span className="fr-badge fr-badge--sm fr-badge--success fr-ml-1w">
            {t('comments.resolved')}
          </span>
        ) : null}
      </h3>
      <PassageView thread={thread} />
      <ol className="atelier-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentView comment={comment} commitmentId={commitmentId} canModerate={canModerate} />
          </li>
        ))}
      </ol>
      {thread.response ? (
        <div className="atelier-thread__response">
          <p className="fr-text--sm fr-text--bold fr-mb-0">
            {t('comments.response', {
              disposition: t(`comments.disposition.${thread.response.disposition}`),
            })}
          </p>
          <p className="fr-text--sm atelier-comment__body fr-mb-0">{thread.response.reason}</p>
          <p className="fr-text--xs atelier-muted fr-mb-0">
            {thread.response.respondedBy
              ? t('comments.respondedBy', {
                  name: thread.response.respondedBy.displayName,
                  date: formatDate(thread.response.respondedAt, locale),
                })
              : formatDate(thread.response.respondedAt, locale)}
          </p>
        </div>
      ) : null}
      {canComment ? (
        replying ? (
          <ReplyForm
            threadId={thread.id}
            commitmentId={commitmentId}
            onDone={() => setReplying(false)}
          />
        ) : (
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
            aria-describedby={headingId}
            onClick={() => setReplying(true)}
          >
            {t('comments.reply')}
          </button>
        )
      ) : null}
    </article>
  );
}

function PassageView({ thread }: { thread: CommentThreadDto }) {
  const { t } = useTranslation();
  if (thread.anchor === null) {
    return <p className="fr-text--sm atelier-muted fr-mb-1w">{t('comments.wholeDraft')}</p>;
  }
  const status = thread.anchorStatus;
  const detached = status?.status === 'detached';
  const quote =
    status?.status === 'attached'
      ? status.text
      : status?.status === 'detached'
        ? status.quote
        : thread.anchor.quote;
  return (
    <div className="fr-mb-1w">
      <p className="fr-text--xs fr-mb-0">
        <span
          className={`fr-badge fr-badge--sm ${detached ? 'fr-badge--warning' : 'fr-badge--info'}`}
        >
          {detached ? t('comments.detached') : t('comments.attached')}
        </span>
      </p>
      <blockquote className="atelier-comments__quote">{quote}</blockquote>
    </div>
  );
}

function CommentView({
  comment,
  commitmentId,
  canModerate,
}: {
  comment: CommentDto;
  commitmentId: string;
  canModerate: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const { display } = comment;
  return (
    <div className="atelier-comment">
      {comment.author ? (
        <p className="fr-text--sm fr-mb-0">
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
        <>
          {/* Plain text, as typed: React escapes it; line breaks kept by CSS. */}
          <p className="atelier-comment__body fr-mb-0">{display.body}</p>
          <p className="fr-text--xs atelier-muted fr-mb-0">
            {t('comments.reactions', {
              agree: totalOf(comment.reactions.agree),
              disagree: totalOf(comment.reactions.disagree),
            })}
            {display.edited ? ` · ${t('comments.edited')}` : null}
          </p>
        </>
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
      {canModerate && display.kind !== 'deleted' ? (
        <ModerationAction
          commentId={comment.id}
          commitmentId={commitmentId}
          hidden={display.kind === 'hidden'}
          authorName={comment.author?.displayName ?? null}
        />
      ) : null}
    </div>
  );
}

function ReplyForm({
  threadId,
  commitmentId,
  onDone,
}: {
  threadId: string;
  commitmentId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const invalidate = useInvalidateThreads(commitmentId);
  const reply = useMutation({
    mutationFn: () => api.reply(threadId, body),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  return (
    <form
      className="atelier-comments__reply"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim() !== '') reply.mutate();
      }}
    >
      <CommentBodyFields
        label={t('comments.yourReply')}
        rows={3}
        body={body}
        onBodyChange={setBody}
        error={reply.isError ? reply.error : null}
        pending={reply.isPending}
        submitLabel={t('comments.sendReply')}
        onCancel={onDone}
      />
    </form>
  );
}

/**
 * The text box, error and buttons of a new comment or a reply. It takes the focus when it
 * appears: the person asked to write, so that is where they go.
 */
function CommentBodyFields(props: {
  label: string;
  rows: number;
  body: string;
  onBodyChange: (body: string) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => bodyRef.current?.focus(), []);
  return (
    <>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={bodyId}>
          {props.label}
        </label>
        <textarea
          ref={bodyRef}
          id={bodyId}
          className="fr-input"
          rows={props.rows}
          maxLength={COMMENT_BODY_MAX_CHARS}
          required
          value={props.body}
          onChange={(event) => props.onBodyChange(event.target.value)}
        />
      </div>
      {props.error ? (
        <p className="fr-error-text" role="alert">
          {t(errorMessageKey(props.error, commentErrorCodes))}
        </p>
      ) : null}
      <div className="atelier-comments__actions">
        <button type="submit" className="fr-btn fr-btn--sm" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary"
          onClick={props.onCancel}
        >
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

/** Hide (or restore) a comment, with the reason the public moderation log will show. */
function ModerationAction({
  commentId,
  commitmentId,
  hidden,
  authorName,
}: {
  commentId: string;
  commitmentId: string;
  hidden: boolean;
  authorName: string | null;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);
  const invalidate = useInvalidateThreads(commitmentId);
  const moderate = useMutation({
    mutationFn: () =>
      hidden ? api.restoreComment(commentId, reason) : api.hideComment(commentId, reason),
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
      setReason('');
    },
  });
  useEffect(() => {
    if (open) reasonRef.current?.focus();
  }, [open]);
  const actionLabel = hidden
    ? t('comments.moderation.restore', { name: authorName ?? '' })
    : t('comments.moderation.hide', { name: authorName ?? '' });
  if (!open) {
    return (
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
        onClick={() => setOpen(true)}
      >
        {actionLabel}
      </button>
    );
  }
  return (
    <form
      className="atelier-comments__moderation"
      aria-label={actionLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length >= 3) moderate.mutate();
      }}
    >
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={reasonId}>
          {hidden ? t('comments.moderation.restoreReason') : t('comments.moderation.hideReason')}
          <span className="fr-hint-text">{t('comments.moderation.reasonHint')}</span>
        </label>
        <input
          ref={reasonRef}
          id={reasonId}
          className="fr-input"
          minLength={3}
          maxLength={1000}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {moderate.isError ? (
        <p className="fr-error-text" role="alert">
          {t(errorMessageKey(moderate.error, commentErrorCodes))}
        </p>
      ) : null}
      <div className="atelier-comments__actions">
        <button type="submit" className="fr-btn fr-btn--sm" disabled={moderate.isPending}>
          {hidden ? t('comments.moderation.confirmRestore') : t('comments.moderation.confirmHide')}
        </button>
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary"
          onClick={() => setOpen(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
