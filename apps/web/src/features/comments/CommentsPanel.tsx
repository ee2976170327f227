import type { TextAnchor } from '@atelier/collab';
import { useMutation } from '@tanstack/react-query';
import { memo, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CommentBodyFields } from './CommentBodyFields';
import { commentsApi } from './commentsApi';
import { CommentsContext, type CommentsContextValue } from './commentsContext';
import { commentErrorKey } from './commentView';
import { mentionsInBody } from './mentions';
import { EMPTY_DRAFT, type CommentDraft } from './MentionTextarea';
import { ThreadView } from './ThreadView';
import type { CommentViewer } from './threadPermissions';
import { useInvalidateThreads } from './useInvalidateThreads';
import { useThreadFragment } from './useThreadFragment';
import { useThreads } from './useThreads';
import './comments.css';

/** What "Comment the selection" produced: a passage to comment, or why there is none. */
export type NewCommentStart =
  | { readonly kind: 'passage'; readonly anchor: TextAnchor; readonly key: number }
  | { readonly kind: 'refused'; readonly messageKey: string; readonly key: number };

export interface CommentsPanelProps {
  readonly commitmentId: string;
  /** For `@` mentions; null: no suggestions (the panel is shown outside its consultation). */
  readonly consultationId: string | null;
  /** Null when signed out: comments are then read-only. */
  readonly viewer: CommentViewer | null;
  /** Signed in with a role that may comment (commenters included); the server has the last word. */
  readonly canComment: boolean;
  /** Facilitators hide and restore comments. */
  readonly canModerate: boolean;
  /** Facilitators and lead organisations resolve, reopen and answer threads. */
  readonly canAnswer: boolean;
  readonly hasSelection: boolean;
  readonly newComment: NewCommentStart | null;
  readonly onCommentSelection: () => void;
  readonly onCloseNewComment: () => void;
  /** Selects a thread's passage in the draft; false when it is not in the text now. */
  readonly showPassage: ((threadId: string) => boolean) | null;
  /** The thread selected in the panel or opened from the text; its passage is emphasised. */
  readonly activeThreadId: string | null;
  readonly onActivateThread: (threadId: string) => void;
}

export const COMMENTS_PANEL_ID = 'draft-comments';

/**
 * The commitment's comment threads, beside the draft: each with its passage (attached or
 * detached, and a way to it in the text), comments, moderation traces, reactions and reasoned
 * response; new threads on the selected passage, replies, and what each reader may do. Bodies
 * are plain text rendered as text. Refreshed when the server says a thread changed
 * (liveUpdates.ts).
 */
export const CommentsPanel = memo(function CommentsPanel(props: CommentsPanelProps) {
  const { commitmentId, canComment, hasSelection, newComment, activeThreadId } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const threads = useThreads(commitmentId);
  const context = useMemo<CommentsContextValue>(
    () => ({
      commitmentId,
      consultationId: props.consultationId,
      viewer: props.viewer,
      canComment,
      canModerate: props.canModerate,
      canAnswer: props.canAnswer,
      showPassage: props.showPassage,
      onActivateThread: props.onActivateThread,
    }),
    [
      commitmentId,
      props.consultationId,
      props.viewer,
      canComment,
      props.canModerate,
      props.canAnswer,
      props.showPassage,
      props.onActivateThread,
    ],
  );
  const threadIds = useMemo(() => threads.data?.map((thread) => thread.id), [threads.data]);
  useThreadFragment(threadIds, props.onActivateThread);

  return (
    <CommentsContext.Provider value={context}>
      <section id={COMMENTS_PANEL_ID} className="atelier-comments" aria-labelledby={headingId}>
        <h2 id={headingId} className="fr-h5 fr-mb-1w">
          {t('commentsFrame.heading')}
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
        ) : props.viewer === null ? (
          <p className="fr-text--xs atelier-muted fr-mb-2w">{t('comments.readOnlySignedOut')}</p>
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
        {threads.isPending ? <p role="status">{t('commentsFrame.loading')}</p> : null}
        {threads.isError ? (
          <p className="fr-error-text" role="alert">
            {t(commentErrorKey(threads.error))}
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
                    <ThreadView thread={thread} active={thread.id === activeThreadId} />
                  </li>
                ))}
              </ol>
            ) : null}
          </>
        ) : null}
      </section>
    </CommentsContext.Provider>
  );
});

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
  const [draft, setDraft] = useState<CommentDraft>(EMPTY_DRAFT);
  const invalidate = useInvalidateThreads(commitmentId);
  const create = useMutation({
    mutationFn: () =>
      commentsApi.createThread(commitmentId, {
        body: draft.body,
        anchor,
        mentions: mentionsInBody(draft.body, draft.picked).map((person) => person.userId),
      }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.body.trim() !== '') create.mutate();
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
        draft={draft}
        onDraftChange={setDraft}
        error={create.isError ? create.error : null}
        pending={create.isPending}
        submitLabel={t('comments.publish')}
        onCancel={onDone}
      />
    </form>
  );
}
