/**
 * What a caller may do on one shared document. Ordered from most to least:
 * `edit` writes the text, `comment` annotates it without changing it, `view` only reads.
 * "No access at all" is expressed as `null` by the policies that answer this question.
 */
export type DocumentAccess = 'edit' | 'comment' | 'view';

/**
 * Why a connection that may read a document may not change its text.
 * Declared once so the server and the web client explain the same reason.
 */
export type ReadOnlyReason =
  | 'role_comment_only'
  | 'role_view_only'
  | 'draft_locked'
  | 'consultation_closed'
  | 'signed_out'
  /** A facilitator muted this person in the consultation for a while. */
  | 'muted';

export function mayEditText(access: DocumentAccess): boolean {
  return access === 'edit';
}
