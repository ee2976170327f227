import { ApiError, errorMessageKey } from '../../lib/apiError';

/** Codes the moderation endpoints answer with that have a sentence in moderation.json. */
const moderationCodes: ReadonlySet<string> = new Set([
  'cannot_mute_moderator',
  'mute_until_past',
  'mute_not_found',
  'user_not_found',
  'draft_locked',
]);

/** Codes already explained under `errors.<code>` (core.json). */
const sharedCodes: ReadonlySet<string> = new Set([
  'validation_failed',
  'insufficient_role',
  'not_a_member',
  'consultation_closed',
  'comment_deleted',
  'comment_hidden',
  'comment_not_hidden',
  'comment_not_found',
  'authentication_required',
]);

/** The i18n key of the sentence that explains why the server refused a moderation action. */
export function moderationErrorKey(error: unknown): string {
  if (error instanceof ApiError && moderationCodes.has(error.code))
    return `moderation.errors.${error.code}`;
  return errorMessageKey(error, sharedCodes);
}
