import type { AnchorCreation } from '@atelier/collab';
import type { CountsByParticipantKindDto } from '@atelier/protocol';

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
