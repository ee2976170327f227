import {
  isRoleAtLeast,
  type ForumParticipantRole,
  type ForumSession,
  type ParticipantKind,
  type User,
} from '@atelier/domain';
import type { ForumStore } from '@atelier/storage';
import type { WorkspaceContext } from '../workspace/workspaceContext';

/**
 * A signed-in person's role in a session, read from the store each time it is asked (a role
 * change or a disabled account applies to the next command): admins and the consultation's
 * facilitators run it, its members take part, and anyone else only after joining by code.
 */
export async function userRoleInSession(
  context: WorkspaceContext,
  forum: ForumStore,
  userId: string,
  session: ForumSession,
): Promise<{ user: User; role: ForumParticipantRole } | null> {
  const user = await context.store.users.findById(userId);
  if (!user || user.disabled) return null;
  const role = await roleOf(context, forum, user, session);
  return role ? { user, role } : null;
}

export async function roleOf(
  context: WorkspaceContext,
  forum: ForumStore,
  user: User,
  session: ForumSession,
): Promise<ForumParticipantRole | null> {
  if (user.disabled) return null;
  if (user.platformRole === 'admin') return 'facilitator';
  const membership = await context.store.memberships.find(session.consultationId, user.id);
  if (membership) return isRoleAtLeast(membership.role, 'facilitator') ? 'facilitator' : 'member';
  // Only someone who came in by code stays in by code: a member removed from the consultation
  // was in the session as a member and leaves it with the membership.
  const participant = await forum.findParticipantByUser(session.id, user.id);
  return participant?.role === 'signed_in' ? 'signed_in' : null;
}

/** Attendance counts people by their organisation's kind; people without one are citizens. */
export async function participantKindOf(
  context: WorkspaceContext,
  user: User,
): Promise<ParticipantKind> {
  if (!user.organisationId) return 'citizen';
  const organisation = await context.store.organisations.findById(user.organisationId);
  return organisation?.kind ?? 'citizen';
}
