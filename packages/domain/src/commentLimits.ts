/**
 * Limits of comments, in a module of their own without zod: the web client reads them for its
 * text boxes without pulling the schemas into its first screen.
 */
export const COMMENT_BODY_MAX_CHARS = 5000;
export const RESPONSE_REASON_MAX_CHARS = 5000;
/** More mentions than this in one comment is spam, not a conversation. */
export const COMMENT_MENTIONS_MAX = 20;
/** A flag, hide, restore or mute reason, trimmed: a few words at least, a paragraph at most. */
export const MODERATION_REASON_MIN_CHARS = 3;
export const MODERATION_REASON_MAX_CHARS = 1000;
