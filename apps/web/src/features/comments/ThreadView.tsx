import type { CommentThreadDto } from '@atelier/protocol';
import { useMutation } from '@tanstack/react-query';
import { memo, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CommentBodyFields } from './CommentBodyFields';
import { commentsApi } from './commentsApi';
import { useCommentsContext } from './commentsContext';
import { CommentView } from './CommentView';
import { commentErrorKey, formatDate } from './commentView';
import { mentionsInBody } from './mentions';
import { EMPTY_DRAFT, type CommentDraft } from './MentionTextarea';
import { ResponseForm } from './ResponseForm';
import { sameThreadView } from './sameThreadView';
import { threadElementId } from './threadFocus';
import { useInvalidateThreads } from './useInvalidateThreads';

/**
 * A thread of the panel: an article named by its heading, focusable (the text's shortcut, a
 * `#thread-<id>` link and "Voir le passage" bring the focus here), Up and Down moving to the
 * previous or next thread while the article itself has the focus.
 */
export const ThreadView = memo(ThreadArticle, sameThreadView);

function ThreadArticle({ thread, active }: { thread: CommentThreadDto; active: boolean }) {
  const { t } = useTranslation();
  const { commitmentId, canComment, canAnswer, onActivateThread } = useCommentsContext();
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const [responding, setResponding] = useState(false);
  const first = thread.comments[0];
  const title = first?.author
    ? t('comments.threadBy', { name: first.author.displayName })
    : t('comments.threadUntitled');

  return (
    <article
      id={threadElementId(thread.id)}
      tabIndex={-1}
      className={`atelier-thread${active ? ' atelier-thread--active' : ''}`}
      aria-labelledby={headingId}
      aria-current={active ? 'true' : undefined}
      onFocus={() => onActivateThread(thread.id)}
      onKeyDown={moveBetweenThreads}
    >
      <h3 id={headingId} className="fr-text--md fr-text--bold fr-mb-1w">
        {title}
        {thread.status === 'resolved' ? (
          <span className="fr-badge fr-badge--sm fr-badge--success fr-ml-1w">
            {t('comments.resolved')}
          </span>
        ) : null}
      </h3>
      <PassageView thread={thread} headingId={headingId} />
      <ol className="atelier-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentView comment={comment} />
          </li>
        ))}
      </ol>
      {thread.response ? <ResponseView thread={thread} /> : null}
      {replying ? (
        <ReplyForm
          threadId={thread.id}
          commitmentId={commitmentId}
          onDone={() => setReplying(false)}
        />
      ) : null}
      {responding ? <ResponseForm thread={thread} onDone={() => setResponding(false)} /> : null}
      {!replying && !responding ? (
        <div className="atelier-comments__actions">
          {canComment ? (
            <button
              type="button"
              className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
              aria-describedby={headingId}
              onClick={() => setReplying(true)}
            >
              {t('comments.reply')}
            </button>
          ) : null}
          {canAnswer ? (
            <>
              <ResolveToggle thread={thread} headingId={headingId} />
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
                aria-describedby={headingId}
                onClick={() => setResponding(true)}
              >
                {thread.response ? t('comments.respond.change') : t('comments.respond.open')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** Up / Down / Home / End on a thread (not inside it) go to the neighbouring threads. */
function moveBetweenThreads(event: KeyboardEvent<HTMLElement>) {
  if (event.target !== event.currentTarget) return;
  const item = event.currentTarget.closest('li');
  const list = item?.parentElement;
  if (!item || !list) return;
  const target =
    event.key === 'ArrowDown'
      ? item.nextElementSibling
      : event.key === 'ArrowUp'
        ? item.previousElementSibling
        : event.key === 'Home'
          ? list.firstElementChild
          : event.key === 'End'
            ? list.lastElementChild
            : undefined;
  if (target === undefined) return;
  event.preventDefault();
  const article = target?.querySelector<HTMLElement>(':scope > article');
  if (!article) return;
  article.scrollIntoView({ block: 'nearest' });
  article.focus({ preventScroll: true });
}

function PassageView({ thread, headingId }: { thread: CommentThreadDto; headingId: string }) {
  const { t } = useTranslation();
  const { showPassage } = useCommentsContext();
  const [notShown, setNotShown] = useState(false);
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
      {showPassage !== null && !detached ? (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-eye-line fr-btn--icon-left"
          aria-describedby={headingId}
          onClick={() => setNotShown(!showPassage(thread.id))}
        >
          {t('comments.showPassage')}
        </button>
      ) : null}
      <p className="fr-text--xs fr-mb-0" role="status">
        {notShown ? t('comments.passageNotShown') : ''}
      </p>
    </div>
  );
}

function ResponseView({ thread }: { thread: CommentThreadDto }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const response = thread.response;
  if (response === null) return null;
  return (
    <div className="atelier-thread__response">
      <p className="fr-text--sm fr-text--bold fr-mb-0">
        {t('comments.response', {
          disposition: t(`comments.disposition.${response.disposition}`),
        })}
      </p>
      <p className="fr-text--sm atelier-comment__body fr-mb-0">{response.reason}</p>
      {response.draftVersion ? (
        <p className="fr-text--xs fr-mb-0">
          {t('comments.respond.inVersion', { version: response.draftVersion })}
        </p>
      ) : null}
      <p className="fr-text--xs atelier-muted fr-mb-0">
        {response.respondedBy
          ? t('comments.respondedBy', {
              name: response.respondedBy.displayName,
              date: formatDate(response.respondedAt, locale),
            })
          : formatDate(response.respondedAt, locale)}
      </p>
    </div>
  );
}

function ResolveToggle({ thread, headingId }: { thread: CommentThreadDto; headingId: string }) {
  const { t } = useTranslation();
  const { commitmentId } = useCommentsContext();
  const invalidate = useInvalidateThreads(commitmentId);
  const resolved = thread.status === 'resolved';
  const toggle = useMutation({
    mutationFn: () => (resolved ? commentsApi.reopen(thread.id) : commentsApi.resolve(thread.id)),
    onSuccess: () => invalidate(),
  });
  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
        aria-describedby={headingId}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {resolved ? t('comments.reopen') : t('comments.resolve')}
      </button>
      {toggle.isError ? (
        <p className="fr-error-text" role="alert">
          {t(commentErrorKey(toggle.error))}
        </p>
      ) : null}
    </>
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
  const [draft, setDraft] = useState<CommentDraft>(EMPTY_DRAFT);
  const invalidate = useInvalidateThreads(commitmentId);
  const reply = useMutation({
    mutationFn: () =>
      commentsApi.reply(threadId, {
        body: draft.body,
        mentions: mentionsInBody(draft.body, draft.picked).map((person) => person.userId),
      }),
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
        if (draft.body.trim() !== '') reply.mutate();
      }}
    >
      <CommentBodyFields
        label={t('comments.yourReply')}
        rows={3}
        draft={draft}
        onDraftChange={setDraft}
        error={reply.isError ? reply.error : null}
        pending={reply.isPending}
        submitLabel={t('comments.sendReply')}
        onCancel={onDone}
      />
    </form>
  );
}
