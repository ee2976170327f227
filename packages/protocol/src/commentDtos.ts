import { z } from 'zod';
import {
  commentReactionKinds,
  commentRoundAudiences,
  commentThreadStatuses,
  consultationRoles,
  participantKinds,
  threadDispositions,
} from '@atelier/domain';

/**
 * What the comment endpoints return (issue 6): rounds with their participation, threads with
 * their comments, reactions, reasoned response and where their passage is now. Comment bodies
 * are plain text: clients render them as text, never as HTML.
 */
const countsByParticipantKindSchema = z.object(
  Object.fromEntries(participantKinds.map((kind) => [kind, z.number().int()])) as Record<
    (typeof participantKinds)[number],
    z.ZodNumber
  >,
);
export type CountsByParticipantKindDto = z.infer<typeof countsByParticipantKindSchema>;

export const commitmentParticipationDtoSchema = z.object({
  commitmentId: z.string(),
  threads: z.number().int(),
  comments: z.number().int(),
  contributors: z.number().int(),
  contributorsByKind: countsByParticipantKindSchema,
});
export type CommitmentParticipationDto = z.infer<typeof commitmentParticipationDtoSchema>;

export const commentRoundDtoSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  title: z.string(),
  instructions: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  audience: z.enum(commentRoundAudiences),
  /** Empty: every commitment of the consultation. */
  commitmentIds: z.array(z.string()),
  /** At the time of the response; `closed` is the response phase. */
  phase: z.enum(['scheduled', 'open', 'closed']),
  createdAt: z.string(),
  /** Per commitment with at least one thread in the round, by commitment id. */
  participation: z.array(commitmentParticipationDtoSchema),
});
export type CommentRoundDto = z.infer<typeof commentRoundDtoSchema>;

export const roundJoinedDtoSchema = z.object({
  consultationId: z.string(),
  /** The caller's role after joining: `commenter`, or the higher role they already had. */
  role: z.enum(consultationRoles),
});
export type RoundJoinedDto = z.infer<typeof roundJoinedDtoSchema>;

/** A person as comments show them: their public name (pseudonym or display name). */
export const commentPersonDtoSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
});
export type CommentPersonDto = z.infer<typeof commentPersonDtoSchema>;

export const commentAuthorDtoSchema = commentPersonDtoSchema.extend({
  /** The kind of their organisation; `citizen` without one. */
  participantKind: z.enum(participantKinds),
});
export type CommentAuthorDto = z.infer<typeof commentAuthorDtoSchema>;

export const commentDisplayDtoSchema = z.discriminatedUnion('kind', [
  /** `body` is plain text, exactly as written. */
  z.object({ kind: z.literal('visible'), body: z.string(), edited: z.boolean() }),
  /** Left in place of a deleted comment that has replies after it. */
  z.object({ kind: z.literal('deleted') }),
  /** "Hidden by moderation on <at>: <reason>". */
  z.object({ kind: z.literal('hidden'), at: z.string(), reason: z.string() }),
]);
export type CommentDisplayDto = z.infer<typeof commentDisplayDtoSchema>;

export const commentDtoSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  /** Null once the comment is deleted. */
  author: commentAuthorDtoSchema.nullable(),
  display: commentDisplayDtoSchema,
  mentions: z.array(commentPersonDtoSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  reactions: z.object({
    agree: countsByParticipantKindSchema,
    disagree: countsByParticipantKindSchema,
  }),
  /** The caller's own reaction, null when none or signed out. */
  myReaction: z.enum(commentReactionKinds).nullable(),
});
export type CommentDto = z.infer<typeof commentDtoSchema>;

export const commentAnchorDtoSchema = z.object({
  start: z.string(),
  end: z.string(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export type CommentAnchorDto = z.infer<typeof commentAnchorDtoSchema>;

/** Where the passage is in the draft as the server holds it now. */
export const anchorStatusDtoSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('attached'),
    /** The passage as it reads now, edits inside it included. */
    text: z.string(),
    /** In the draft's plain text (blocks joined by a blank line). */
    startOffset: z.number().int(),
    endOffset: z.number().int(),
  }),
  /** The passage was deleted: the thread shows the quote of what it was about. */
  z.object({ status: z.literal('detached'), quote: z.string() }),
]);
export type AnchorStatusDto = z.infer<typeof anchorStatusDtoSchema>;

export const threadResponseDtoSchema = z.object({
  disposition: z.enum(threadDispositions),
  reason: z.string(),
  respondedBy: commentPersonDtoSchema.nullable(),
  respondedAt: z.string(),
  draftVersion: z.string().nullable(),
});
export type ThreadResponseDto = z.infer<typeof threadResponseDtoSchema>;

export const commentThreadDtoSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  commitmentId: z.string(),
  roundId: z.string().nullable(),
  /** Null for a comment on the whole draft. */
  anchor: commentAnchorDtoSchema.nullable(),
  /** Null when the thread has no anchor. */
  anchorStatus: anchorStatusDtoSchema.nullable(),
  status: z.enum(commentThreadStatuses),
  createdAt: z.string(),
  resolvedBy: commentPersonDtoSchema.nullable(),
  resolvedAt: z.string().nullable(),
  /** Oldest first; deleted comments with nothing after them are left out. */
  comments: z.array(commentDtoSchema),
  response: threadResponseDtoSchema.nullable(),
});
export type CommentThreadDto = z.infer<typeof commentThreadDtoSchema>;
