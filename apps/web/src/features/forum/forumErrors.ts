import { forumErrorCodes } from '@atelier/protocol';

import { ApiError } from '../../lib/apiError';

const KNOWN: ReadonlySet<string> = new Set<string>([
  ...forumErrorCodes,
  'network_error',
  'validation_failed',
  'insufficient_role',
  'consultation_closed',
  'forum_session_not_found',
  'agenda_item_in_use',
  'unknown_commitment',
  'session_not_ended',
  'authentication_required',
]);

/** The i18n key that explains a refused forum command or REST call to a person. */
export function forumErrorKey(codeOrError: unknown): string {
  const code =
    codeOrError instanceof ApiError
      ? codeOrError.status === 0
        ? 'network_error'
        : codeOrError.code
      : typeof codeOrError === 'string'
        ? codeOrError
        : 'unknown';
  return KNOWN.has(code) ? `forum.errors.${code}` : 'forum.errors.unknown';
}
