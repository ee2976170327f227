import { z } from 'zod';
import { MODERATION_REASON_MAX_CHARS, MODERATION_REASON_MIN_CHARS } from './commentLimits';
import { instantInputSchema } from './commentRound';

/**
 * Who moderated, as the public moderation log shows it: a role, never a name. Platform admins
 * act with the powers of a facilitator and are logged as such.
 */
export const moderatorRoles = ['facilitator', 'admin'] as const;
export type ModeratorRole = (typeof moderatorRoles)[number];

/** A hidden comment keeps its text (it can be restored) and leaves this trace in its thread. */
export interface CommentHiding {
  readonly at: string;
  readonly reason: string;
  readonly byRole: ModeratorRole;
}

/** A participant's report of a comment; the moderation queue lists the unhandled ones. */
export interface Flag {
  readonly id: string;
  /** Denormalised from the comment's thread, so the queue is one look-up per consultation. */
  readonly consultationId: string;
  readonly commentId: string;
  readonly flaggedBy: string;
  readonly reason: string;
  readonly createdAt: string;
  readonly handledAt: string | null;
}

/** A participant silenced in one consultation until `until` (excluded). */
export interface Mute {
  readonly consultationId: string;
  readonly userId: string;
  readonly until: string;
  readonly reason: string;
  /** The moderator's user id, for the audit; the public log shows only their role. */
  readonly by: string;
  readonly createdAt: string;
}

export function isMuteActive(mute: Pick<Mute, 'until'> | null, now: string | Date): boolean {
  if (mute === null) return false;
  const at = typeof now === 'string' ? Date.parse(now) : now.getTime();
  return at < Date.parse(mute.until);
}

export const moderationActions = ['hide', 'restore', 'mute', 'unmute', 'lock', 'unlock'] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** One line of the public moderation log. */
export interface ModerationLogEntry {
  readonly id: string;
  readonly consultationId: string;
  readonly action: ModerationAction;
  /** What it was about: `comment:<id>`, `user:<id>` or `commitment:<id>`. */
  readonly target: string;
  readonly reason: string;
  readonly moderatorRole: ModeratorRole;
  readonly at: string;
}

// The bounds live in the zod-free commentLimits.ts: the editor's comments panel reads them too.
const moderationReason = z
  .string()
  .trim()
  .min(MODERATION_REASON_MIN_CHARS)
  .max(MODERATION_REASON_MAX_CHARS);

/** `POST /api/comments/{id}/flag`. */
export const flagCreateSchema = z.strictObject({ reason: moderationReason });
export type FlagCreateInput = z.infer<typeof flagCreateSchema>;

/** `POST /api/comments/{id}/hide` and `/restore`: a reason, always, for the public log. */
export const moderationReasonSchema = z.strictObject({ reason: moderationReason });
export type ModerationReasonInput = z.infer<typeof moderationReasonSchema>;

/** Mute a participant; the caller also checks `until` is in the future. */
export const muteCreateSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  until: instantInputSchema,
  reason: moderationReason,
});
export type MuteCreateInput = z.infer<typeof muteCreateSchema>;
