import { z } from 'zod';
import type { CommentHiding } from './moderation';
import {
  COMMENT_BODY_MAX_CHARS,
  COMMENT_MENTIONS_MAX,
  RESPONSE_REASON_MAX_CHARS,
} from './commentLimits';

/**
 * A comment's hold on a passage of a draft, stored as an opaque JSON object. Structurally the
 * same as `TextAnchor` in `@atelier/collab` (which the domain must not import): `start` and
 * `end` are base64 Yjs relative positions, `quote`, `prefix` and `suffix` the passage and its
 * surroundings as they read when the comment was made.
 */
export interface CommentAnchor {
  readonly start: string;
  readonly end: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Mirrors `ANCHOR_*_MAX_CHARS` in `@atelier/collab`'s textAnchor.ts; keep them equal. */
export const COMMENT_ANCHOR_LIMITS = {
  positionMaxChars: 64,
  quoteMaxChars: 1000,
  contextMaxChars: 32,
} as const;

export const commentThreadStatuses = ['open', 'resolved'] as const;
export type CommentThreadStatus = (typeof commentThreadStatuses)[number];

/** A discussion about a commitment's draft, or about one passage of it. */
export interface CommentThread {
  readonly id: string;
  readonly consultationId: string;
  readonly commitmentId: string;
  /** The round it was opened in; null for a discussion between members outside rounds. */
  readonly roundId: string | null;
  /** The passage it is about; null for a comment on the whole draft. */
  readonly anchor: CommentAnchor | null;
  readonly status: CommentThreadStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Set while resolved; cleared by reopening. */
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

/** Plain text: rendered as text everywhere, never as HTML. */
export interface Comment {
  readonly id: string;
  readonly threadId: string;
  readonly authorId: string;
  /** Emptied when the comment is deleted. */
  readonly body: string;
  /** Ids of the members mentioned (`@name`), who are notified. */
  readonly mentions: readonly string[];
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly deletedAt: string | null;
  readonly hidden: CommentHiding | null;
}

/** What a thread shows for a comment: its text, or the trace left by deletion or moderation. */
export type CommentDisplay =
  | { readonly kind: 'visible'; readonly body: string; readonly edited: boolean }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'hidden'; readonly at: string; readonly reason: string };

/** Deletion wins over hiding: a deleted comment has no text left to restore. */
export function commentDisplay(comment: Comment): CommentDisplay {
  if (comment.deletedAt !== null) return { kind: 'deleted' };
  if (comment.hidden !== null)
    return { kind: 'hidden', at: comment.hidden.at, reason: comment.hidden.reason };
  return { kind: 'visible', body: comment.body, edited: comment.editedAt !== null };
}

export const commentReactionKinds = ['agree', 'disagree'] as const;
export type CommentReactionKind = (typeof commentReactionKinds)[number];

/** One per person and comment; changing one's mind replaces it. */
export interface CommentReaction {
  readonly commentId: string;
  readonly userId: string;
  readonly kind: CommentReactionKind;
  readonly createdAt: string;
}

export const threadDispositions = [
  'accepted',
  'partially_accepted',
  'rejected',
  'out_of_scope',
  'already_covered',
] as const;
export type ThreadDisposition = (typeof threadDispositions)[number];

/** The reasoned response to a thread (OGP co-creation standard 4); one per thread, replaceable. */
export interface ThreadResponse {
  readonly threadId: string;
  readonly disposition: ThreadDisposition;
  readonly reason: string;
  readonly respondedBy: string;
  readonly respondedAt: string;
  /** The draft state where the contribution was taken into account, when there is one. */
  readonly draftVersion: string | null;
}

/** A thread with its comments oldest first and its response, as lists and reports need them. */
export interface ThreadWithComments {
  readonly thread: CommentThread;
  readonly comments: readonly Comment[];
  readonly response: ThreadResponse | null;
}

// C0 controls other than tab, line feed and carriage return, and DEL: never part of a comment.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trimmed, non-empty, bounded plain text. HTML is accepted as text and shown as such. */
export const commentBodySchema = z
  .string()
  .trim()
  .min(1)
  .max(COMMENT_BODY_MAX_CHARS)
  .refine((body) => !CONTROL_CHARACTERS.test(body), 'control characters are not allowed');

const userIdSchema = z.string().min(1).max(64);
const mentionsSchema = z
  .array(userIdSchema)
  .max(COMMENT_MENTIONS_MAX)
  .transform((ids) => [...new Set(ids)]);

/**
 * The anchor's shape and bounds. The server must also check, with `@atelier/collab`, that the
 * positions decode and belong to the commitment's draft (`textAnchorSchema`,
 * `checkAnchorBelongsToDoc`); the domain cannot decode Yjs positions. Never trimmed: the quote
 * and its context are compared character for character.
 */
export const commentAnchorSchema = z.strictObject({
  start: z.string().min(1).max(COMMENT_ANCHOR_LIMITS.positionMaxChars),
  end: z.string().min(1).max(COMMENT_ANCHOR_LIMITS.positionMaxChars),
  quote: z.string().min(1).max(COMMENT_ANCHOR_LIMITS.quoteMaxChars),
  prefix: z.string().max(COMMENT_ANCHOR_LIMITS.contextMaxChars),
  suffix: z.string().max(COMMENT_ANCHOR_LIMITS.contextMaxChars),
}) satisfies z.ZodType<CommentAnchor>;

/** `POST /api/commitments/{id}/threads`: the first comment, on a passage or the whole draft. */
export const threadCreateSchema = z.strictObject({
  body: commentBodySchema,
  anchor: commentAnchorSchema.nullable().default(null),
  mentions: mentionsSchema.default([]),
  /** The round to comment in; when absent, the server picks the open round, if any. */
  roundId: z.string().min(1).max(64).optional(),
});
export type ThreadCreateInput = z.infer<typeof threadCreateSchema>;

/** `POST /api/threads/{id}/comments`. */
export const commentReplySchema = z.strictObject({
  body: commentBodySchema,
  mentions: mentionsSchema.default([]),
});
export type CommentReplyInput = z.infer<typeof commentReplySchema>;

/** `PATCH /api/comments/{id}`: replaces the text and its mentions. */
export const commentEditSchema = z.strictObject({
  body: commentBodySchema,
  mentions: mentionsSchema.default([]),
});
export type CommentEditInput = z.infer<typeof commentEditSchema>;

export const commentReactionSchema = z.strictObject({ kind: z.enum(commentReactionKinds) });
export type CommentReactionInput = z.infer<typeof commentReactionSchema>;

/** `PUT /api/threads/{id}/response`. */
export const threadResponseSchema = z.strictObject({
  disposition: z.enum(threadDispositions),
  reason: z.string().trim().min(1).max(RESPONSE_REASON_MAX_CHARS),
  draftVersion: z.string().trim().min(1).max(100).nullable().optional(),
});
export type ThreadResponseInput = z.infer<typeof threadResponseSchema>;
