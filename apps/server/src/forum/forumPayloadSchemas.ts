import { z } from 'zod';
import {
  ballotSchema,
  breakoutStartSchema,
  FORUM_LIMITS,
  forumReactionKinds,
  pollCreateSchema,
} from '@atelier/domain';

/**
 * What each forum command may carry. Strict objects: anything unexpected is `invalid_payload`,
 * checked before the session is even looked up.
 */
const id = z.string().min(1).max(64);
const sessionRef = { sessionId: id };

export const sessionRefSchema = z.strictObject(sessionRef);
export const goToItemSchema = z.strictObject({
  ...sessionRef,
  itemIndex: z.number().int().min(0).max(FORUM_LIMITS.agendaItemsMax),
});
export const spotlightSchema = z.strictObject({
  ...sessionRef,
  commitmentId: id.nullable(),
  /** An empty quote is the same as none. */
  passageQuote: z.string().trim().max(1_000).nullable().optional(),
});
export const raiseHandSchema = z.strictObject({
  ...sessionRef,
  topic: z.string().trim().max(FORUM_LIMITS.handTopicMax).nullable().optional(),
});
export const participantRefSchema = z.strictObject({ ...sessionRef, participantId: id });
export const giveFloorSchema = z.strictObject({ ...sessionRef, participantId: id.nullable() });
export const createPollSchema = z.strictObject({ ...sessionRef, poll: pollCreateSchema });
export const pollRefSchema = z.strictObject({ ...sessionRef, pollId: id });
export const voteSchema = z.strictObject({ ...sessionRef, pollId: id, ballot: ballotSchema });
export const startBreakoutSchema = z.strictObject({ ...sessionRef, breakout: breakoutStartSchema });
export const reactSchema = z.strictObject({ ...sessionRef, kind: z.enum(forumReactionKinds) });
/** Plain text: the screens render it as text, so markup in it is shown, never interpreted. */
export const contributeSchema = z.strictObject({
  ...sessionRef,
  body: z.string().trim().min(1).max(FORUM_LIMITS.contributionMax),
  withSpotlight: z.boolean().optional(),
});
export const hideContributionSchema = z.strictObject({
  ...sessionRef,
  contributionId: id,
  reason: z.string().trim().min(1).max(FORUM_LIMITS.hideReasonMax),
});
