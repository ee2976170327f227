import type { ConsultationRole } from '@atelier/domain';

/** What the panel needs to know of the person reading it. */
export interface CommentViewer {
  readonly userId: string;
  readonly isAdmin: boolean;
  readonly organisationId: string | null;
  /** Their role in the consultation, null when not a member. */
  readonly role: ConsultationRole | null;
}

/**
 * Whether to offer resolving, reopening and answering threads: the client's mirror of
 * `mayAnswer` in `@atelier/domain` (commentPermissions.ts). Facilitators and platform admins,
 * and members with at least the commenter role who belong to one of the commitment's lead
 * organisations. The server decides; a refusal is explained from its error code.
 */
export function mayAnswerThreads(
  viewer: CommentViewer | null,
  leadOrganisationIds: readonly string[],
): boolean {
  if (viewer === null) return false;
  if (viewer.isAdmin || viewer.role === 'facilitator') return true;
  if (viewer.role === null || viewer.role === 'observer') return false;
  return viewer.organisationId !== null && leadOrganisationIds.includes(viewer.organisationId);
}
