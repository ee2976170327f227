import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../lib/formFields';
import { ReasonForm } from '../../lib/ReasonForm';
import { absoluteDateTimeLabel } from '../commitments/commitmentView';
import { moderationApi, type ModerationQueueItemDto } from './moderationApi';
import { moderationErrorKey } from './moderationErrors';
import { groupFlagReasons, threadLink } from './moderationView';

export type ModerationOutcome =
  | { readonly kind: 'hidden' | 'restored'; readonly item: ModerationQueueItemDto }
  | { readonly kind: 'dismissed'; readonly item: ModerationQueueItemDto };

/**
 * A flagged comment as moderators judge it: its text (as text), who flagged it and why, a link
 * to its thread, and the three decisions: hide (with a public reason), restore, or dismiss the
 * flags.
 */
export function QueueItem({
  consultationId,
  item,
  commitmentLabel,
  onDone,
}: {
  consultationId: string;
  item: ModerationQueueItemDto;
  /** "Engagement 3 : …", or null when the commitment is gone. */
  commitmentLabel: string | null;
  onDone: (outcome: ModerationOutcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const { comment, flags } = item;
  const titleId = `moderation-${comment.id}-title`;
  const author = comment.author?.displayName ?? t('moderation.queue.unknownAuthor');
  const [asking, setAsking] = useState<'hide' | 'restore' | null>(null);
  const actionButton = useRef<HTMLButtonElement>(null);

  const decide = useMutation({
    mutationFn: async (
      decision: { kind: 'hide' | 'restore'; reason: string } | { kind: 'dismiss' },
    ): Promise<ModerationOutcome> => {
      switch (decision.kind) {
        case 'hide': {
          const result = await moderationApi.hide(comment.id, decision.reason);
          return {
            kind: 'hidden',
            item: { comment: { ...comment, hidden: result.hidden }, flags: [] },
          };
        }
        case 'restore': {
          const result = await moderationApi.restore(comment.id, decision.reason);
          return {
            kind: 'restored',
            item: { comment: { ...comment, hidden: result.hidden }, flags },
          };
        }
        case 'dismiss':
          await moderationApi.dismissFlags(comment.id);
          return { kind: 'dismissed', item: { comment, flags: [] } };
      }
    },
    onSuccess: (outcome) => {
      setAsking(null);
      onDone(outcome);
    },
  });

  return (
    <article className="atelier-moderation__item" aria-labelledby={titleId}>
      <h4 id={titleId} className="fr-h6 fr-mb-1w">
        {t('moderation.queue.commentBy', { name: author })}
      </h4>
      <p className="fr-text--sm atelier-muted fr-mb-1w">
        {commitmentLabel ?? t('moderation.queue.unknownCommitment')} ·{' '}
        <time dateTime={comment.createdAt}>{absoluteDateTimeLabel(comment.createdAt, locale)}</time>
      </p>
      {comment.deleted ? (
        <p className="fr-text--sm">{t('moderation.queue.deleted')}</p>
      ) : (
        // Plain text, exactly as written: React escapes it; nothing is ever read as HTML.
        <blockquote className="atelier-moderation__body">{comment.body}</blockquote>
      )}
      {comment.hidden ? (
        <p className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--warning fr-mb-1w">
          {t('moderation.queue.hiddenOn', {
            date: absoluteDateTimeLabel(comment.hidden.at, locale),
            reason: comment.hidden.reason,
          })}
        </p>
      ) : null}
      {flags.length > 0 ? (
        <>
          <p className="fr-mb-1w">{t('moderation.queue.flagCount', { count: flags.length })}</p>
          <ul className="fr-mb-2w">
            {groupFlagReasons(flags).map((group) => (
              <li key={group.reason}>
                {t('moderation.queue.flagReason', {
                  reason: group.reason,
                  count: group.count,
                  date: absoluteDateTimeLabel(group.lastAt, locale),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link
          to={threadLink(consultationId, comment.commitmentId, comment.threadId)}
          aria-label={t('moderation.queue.threadLinkLabel', { name: author })}
        >
          {t('moderation.queue.threadLink')}
        </Link>
      </p>
      {decide.isError ? <ErrorAlert title={t(moderationErrorKey(decide.error))} /> : null}
      {asking ? (
        <ReasonForm
          label={t(`moderation.queue.${asking}Reason`)}
          hint={t('moderation.reason.publicHint')}
          submitLabel={t(`moderation.queue.${asking}Confirm`)}
          pending={decide.isPending}
          onSubmit={(reason) => decide.mutate({ kind: asking, reason })}
          onCancel={() => {
            setAsking(null);
            requestAnimationFrame(() => actionButton.current?.focus());
          }}
        />
      ) : (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          {comment.hidden ? (
            <li>
              <button
                ref={actionButton}
                type="button"
                className="fr-btn fr-btn--secondary"
                aria-label={t('moderation.queue.restoreLabel', { name: author })}
                onClick={() => setAsking('restore')}
              >
                {t('moderation.queue.restore')}
              </button>
            </li>
          ) : comment.deleted ? null : (
            <li>
              <button
                ref={actionButton}
                type="button"
                className="fr-btn"
                aria-label={t('moderation.queue.hideLabel', { name: author })}
                onClick={() => setAsking('hide')}
              >
                {t('moderation.queue.hide')}
              </button>
            </li>
          )}
          {flags.length > 0 ? (
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary"
                disabled={decide.isPending}
                aria-label={t('moderation.queue.dismissLabel', { name: author })}
                onClick={() => {
                  if (window.confirm(t('moderation.queue.dismissConfirm', { name: author })))
                    decide.mutate({ kind: 'dismiss' });
                }}
              >
                {t('moderation.queue.dismiss')}
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </article>
  );
}
