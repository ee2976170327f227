import { isConsultationWritable, isRoleAtLeast } from '@atelier/domain';
import type { ForumStore } from '@atelier/storage';
import type { AccessDecision, CollabPrincipal } from '../collab/documentAccessPolicy';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import { sessionIdOfMinutes } from './minutesDocument';

/**
 * Who may open a session's minutes on `/collab`: facilitators and members who may edit drafts
 * (contributors and up) edit them while the consultation takes changes; the session's other
 * signed-in participants read them, and so does anyone who may read the consultation once the
 * session has ended (the minutes are part of its record). Guests have no account: their
 * cookie opens the session's drafts while it runs (forumCollabAccess), never the minutes; what
 * they voted on is in them, and the consultation's record is public when the consultation is.
 *
 * Null when the document is not a forum's minutes (the caller then applies the draft rules).
 */
export async function decideMinutesAccess(
  context: WorkspaceContext,
  forum: ForumStore,
  principal: CollabPrincipal | null,
  docName: string,
): Promise<AccessDecision | null> {
  const sessionId = sessionIdOfMinutes(docName);
  if (sessionId === null) return null;
  const stored = sessionId.length > 0 ? await forum.findSession(sessionId) : null;
  if (!stored || stored.session.minutesDocName !== docName) return { denied: 'not_found' };
  const consultation = await context.store.consultations.findById(stored.session.consultationId);
  if (!consultation) return { denied: 'not_found' };
  const user = principal ? await context.store.users.findById(principal.userId) : null;
  if (principal && (!user || user.disabled)) return { denied: 'forbidden' };
  const membership = user ? await context.store.memberships.find(consultation.id, user.id) : null;
  const admin = user?.platformRole === 'admin';
  const writable = isConsultationWritable(consultation.status);
  if (admin || (membership && isRoleAtLeast(membership.role, 'contributor'))) {
    return writable
      ? { access: 'edit' }
      : { access: 'view', readOnlyReason: 'consultation_closed' };
  }
  if (membership) return { access: 'view', readOnlyReason: 'role_view_only' };
  const participant = user ? await forum.findParticipantByUser(sessionId, user.id) : null;
  // Those who came in by code (a removed member leaves with the membership, as in the session).
  if (participant?.role === 'signed_in')
    return { access: 'view', readOnlyReason: 'role_view_only' };
  const publicRecord =
    stored.state.status === 'ended' &&
    consultation.visibility === 'public' &&
    consultation.status !== 'draft';
  if (publicRecord)
    return { access: 'view', readOnlyReason: user ? 'role_view_only' : 'signed_out' };
  return { denied: user ? 'forbidden' : 'unauthenticated' };
}
