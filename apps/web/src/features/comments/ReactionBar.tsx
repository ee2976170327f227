import type { CommentDto, CountsByParticipantKindDto } from '@atelier/protocol';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { commentsApi } from './commentsApi';
import { useCommentsContext } from './commentsContext';
import { commentErrorKey, countsByKind, totalOf } from './commentView';
import { useInvalidateThreads } from './useInvalidateThreads';

type ReactionKind = 'agree' | 'disagree';

/**
 * Agree / disagree on a comment: two toggle buttons (`aria-pressed`) with their totals for those
 * who may react, the totals as text for everyone else, and the split by organisation kind.
 * Pressing one's current reaction withdraws it; pressing the other replaces it.
 */
export function ReactionBar({
  comment,
  describedBy,
  canReact,
}: {
  comment: CommentDto;
  /** The comment's author line, so that "D'accord" says whose comment it is about. */
  describedBy: string | undefined;
  canReact: boolean;
}) {
  const { t } = useTranslation();
  const { commitmentId } = useCommentsContext();
  const invalidate = useInvalidateThreads(commitmentId);
  const react = useMutation({
    mutationFn: (kind: ReactionKind) =>
      comment.myReaction === kind
        ? commentsApi.withdrawReaction(comment.id)
        : commentsApi.react(comment.id, kind),
    onSuccess: () => invalidate(),
  });
  const agree = totalOf(comment.reactions.agree);
  const disagree = totalOf(comment.reactions.disagree);
  const breakdown = [
    ...kindSummary(t('comments.react.agreeLabel'), comment.reactions.agree, t),
    ...kindSummary(t('comments.react.disagreeLabel'), comment.reactions.disagree, t),
  ].join(' · ');

  return (
    <div className="atelier-reactions">
      {canReact ? (
        <div className="atelier-comments__actions">
          {(['agree', 'disagree'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={`fr-btn fr-btn--sm ${comment.myReaction === kind ? '' : 'fr-btn--secondary'}`}
              aria-pressed={comment.myReaction === kind}
              aria-describedby={describedBy}
              disabled={react.isPending}
              onClick={() => react.mutate(kind)}
            >
              {t(`comments.react.${kind}`, { count: kind === 'agree' ? agree : disagree })}
            </button>
          ))}
        </div>
      ) : (
        <p className="fr-text--xs atelier-muted fr-mb-0">
          {t('comments.reactions', { agree, disagree })}
        </p>
      )}
      {breakdown !== '' ? <p className="fr-text--xs atelier-muted fr-mb-0">{breakdown}</p> : null}
      {react.isError ? (
        <p className="fr-error-text" role="alert">
          {t(commentErrorKey(react.error))}
        </p>
      ) : null}
    </div>
  );
}

function kindSummary(
  label: string,
  counts: CountsByParticipantKindDto,
  t: (key: string, options?: Record<string, unknown>) => string,
): string[] {
  const parts = countsByKind(counts).map(({ kind, count }) =>
    t('comments.react.byKind', { count, kind: t(`comments.kind.${kind}`) }),
  );
  return parts.length === 0
    ? []
    : [t('comments.react.breakdown', { label, parts: parts.join(', ') })];
}
