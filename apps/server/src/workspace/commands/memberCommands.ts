import type { ConsultationRole, Membership, User } from '@atelier/domain';
import { AppError } from '../../errors/appError';
import { authorizeOnConsultation, loadConsultationFacts } from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';

export async function listMembers(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<Membership[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read_members', facts);
  return context.store.memberships.listByConsultation(consultationId);
}

export async function setMemberRole(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  memberUserId: string,
  role: ConsultationRole,
): Promise<Membership> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.manage_members', facts);
  const member = await context.store.users.findById(memberUserId);
  if (!member) throw AppError.notFound('user_not_found', 'No such user.');
  const existing = await context.store.memberships.find(consultationId, memberUserId);
  if (existing?.role === 'facilitator' && role !== 'facilitator')
    await ensureAnotherFacilitator(context, consultationId, memberUserId);
  const membership: Membership = {
    consultationId,
    userId: memberUserId,
    role,
    createdAt: existing?.createdAt ?? context.now().toISOString(),
  };
  const previousRole = await context.store.memberships.upsert(membership);
  if (previousRole !== role) {
    await recordAudit(context, {
      consultationId,
      actor: user,
      action: 'member.role_changed',
      target: `user:${memberUserId}`,
      details: { from: previousRole, to: role },
    });
    context.accessChanges.notify({ scope: 'user', userId: memberUserId });
  }
  return membership;
}

export async function removeMember(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  memberUserId: string,
): Promise<void> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.manage_members', facts);
  const existing = await context.store.memberships.find(consultationId, memberUserId);
  if (!existing)
    throw AppError.notFound('member_not_found', 'This person is not a member of the consultation.');
  if (existing.role === 'facilitator')
    await ensureAnotherFacilitator(context, consultationId, memberUserId);
  await context.store.memberships.remove(consultationId, memberUserId);
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'member.removed',
    target: `user:${memberUserId}`,
    details: { role: existing.role },
  });
  context.accessChanges.notify({ scope: 'user', userId: memberUserId });
}

/** A consultation without a facilitator could no longer be run or moderated. */
async function ensureAnotherFacilitator(
  context: WorkspaceContext,
  consultationId: string,
  leavingUserId: string,
) {
  const members = await context.store.memberships.listByConsultation(consultationId);
  const others = members.filter((m) => m.role === 'facilitator' && m.userId !== leavingUserId);
  if (others.length === 0) {
    throw AppError.conflict('last_facilitator', 'A consultation needs at least one facilitator.');
  }
}
