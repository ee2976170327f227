import type { ForumContribution, ForumParticipant } from '@atelier/domain';
import type { ForumContributionDto } from '@atelier/protocol';

/**
 * A written contribution as a screen may see it: author named from the session's participants;
 * once hidden, its text is for facilitators only and everyone else sees the trace (who hid it,
 * when, why), as with comment moderation.
 */
export function toContributionDto(
  contribution: ForumContribution,
  participantOf: (participantId: string) => ForumParticipant | undefined,
  forFacilitators: boolean,
): ForumContributionDto {
  const author = participantOf(contribution.participantId);
  const hidden = contribution.hidden;
  return {
    id: contribution.id,
    sessionId: contribution.sessionId,
    authorName: author?.displayName ?? '?',
    authorKind: author?.participantKind ?? 'other',
    authorRole: author?.role ?? 'guest',
    body: hidden && !forFacilitators ? null : contribution.body,
    agendaItemId: contribution.agendaItemId,
    agendaItemTitle: contribution.agendaItemTitle,
    commitmentId: contribution.commitmentId,
    passageQuote: hidden && !forFacilitators ? null : contribution.passageQuote,
    createdAt: contribution.createdAt,
    hidden: hidden
      ? {
          reason: hidden.reason,
          hiddenAt: hidden.hiddenAt,
          hiddenByName: participantOf(hidden.hiddenByParticipantId)?.displayName ?? '?',
        }
      : null,
  };
}
