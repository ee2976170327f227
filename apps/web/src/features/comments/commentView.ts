import type { AnchorCreation } from '@atelier/collab';
import type { ParticipantKind, ThreadDisposition } from '@atelier/domain';
import type { CountsByParticipantKindDto } from '@atelier/protocol';

import { ApiError, errorMessageKey } from '../../lib/apiError';

/**
 * Error codes the comment endpoints answer with that a person can act on; each has its sentence
 * under `errors.<code>` (i18n/locales, core.json). Anything else is "something went wrong".
 */
export const commentErrorCodes: ReadonlySet<string> = new Set([
  'round_not_open',
  'commitment_not_in_round',
  'muted',
  'consultation_closed',
  'insufficient_role',
  'not_a_member',
  'invalid_anchor',
  'too_many_comments',
  'validation_failed',
  'thread_hidden',
  'comment_deleted',
  'comment_hidden',
  'comment_not_hidden',
  'thread_not_found',
  'comment_not_found',
]);

/**
 * Codes of the comment actions whose sentence lives with the comments (`comments.errors.<code>`
 * in comments.json) rather than among the shared ones.
 */
const commentOwnErrorCodes: ReadonlySet<string> = new Set([
  'not_author',
  'not_lead_organisation',
  'already_flagged',
  'invalid_mention',
  'authentication_required',
]);

/** The i18n key of the sentence that explains why the server refused a comment action. */
export function commentErrorKey(error: unknown): string {
  if (error instanceof ApiError && commentOwnErrorCodes.has(error.code))
    return `comments.errors.${error.code}`;
  return errorMessageKey(error, commentErrorCodes);
}

/** The five reasoned-response dispositions, in the order the select offers them. */
export const threadDispositionChoices = [
  'accepted',
  'partially_accepted',
  'rejected',
  'out_of_scope',
  'already_covered',
] as const satisfies readonly ThreadDisposition[];

/** Order in which counts by organisation kind are read out. */
const participantKindOrder = [
  'administration',
  'civil_society',
  'other',
  'citizen',
] as const satisfies readonly ParticipantKind[];

/** The kinds with at least one reaction, with their count, in a stable order. */
export function countsByKind(
  counts: CountsByParticipantKindDto,
): { kind: ParticipantKind; count: number }[] {
  return participantKindOrder.flatMap((kind) =>
    counts[kind] > 0 ? [{ kind, count: counts[kind] }] : [],
  );
}

/** Agree or disagree counts, all organisation kinds together. */
export function totalOf(counts: CountsByParticipantKindDto): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** Why a selection could not become an anchor, as the key of the sentence that says so. */
export function anchorRefusalKey(creation: AnchorCreation & { ok: false }): string {
  switch (creation.reason) {
    case 'passage_too_long':
      return 'comments.selection.tooLong';
    case 'not_in_draft':
      return 'comments.selection.notReady';
    case 'empty_selection':
    case 'quote_not_found':
      return 'comments.selection.empty';
  }
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
}
