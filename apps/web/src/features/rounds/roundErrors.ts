import { ApiError, errorMessageKey } from '../../lib/apiError';

/** Codes the round endpoints answer with that have a sentence of their own in rounds.json. */
const roundCodes: ReadonlySet<string> = new Set(['unknown_commitment', 'round_not_found']);

/** Codes already explained under `errors.<code>` (core.json). */
const sharedCodes: ReadonlySet<string> = new Set([
  'validation_failed',
  'insufficient_role',
  'not_a_member',
  'consultation_closed',
  'round_not_open',
  'authentication_required',
]);

/** The i18n key of the sentence that explains why the server refused a round action. */
export function roundErrorKey(error: unknown): string {
  if (error instanceof ApiError && roundCodes.has(error.code)) return `rounds.errors.${error.code}`;
  return errorMessageKey(error, sharedCodes);
}
