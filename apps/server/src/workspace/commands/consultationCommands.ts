import {
  canMoveConsultation,
  decideOnConsultation,
  type Consultation,
  type ConsultationCreateInput,
  type ConsultationUpdateInput,
  type User,
} from '@atelier/domain';
import { UniqueConstraintError } from '@atelier/storage';
import { AppError } from '../../errors/appError';
import {
  actorOf,
  authorizeOnConsultation,
  loadConsultationFacts,
  requireAdmin,
} from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';

/** Platform admins open a consultation; they become its first facilitator. */
export async function createConsultation(
  context: WorkspaceContext,
  user: User | null,
  input: ConsultationCreateInput,
): Promise<Consultation> {
  const admin = requireAdmin(user);
  const now = context.now().toISOString();
  const consultation: Consultation = {
    id: context.newId(),
    title: input.title,
    slug: input.slug,
    description: input.description,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    status: 'draft',
    visibility: input.visibility,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await context.store.consultations.create(consultation);
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      throw AppError.conflict('slug_taken', 'Another consultation already uses this slug.');
    }
    throw error;
  }
  await context.store.memberships.upsert({
    consultationId: consultation.id,
    userId: admin.id,
    role: 'facilitator',
    createdAt: now,
  });
  await recordAudit(context, {
    consultationId: consultation.id,
    actor: admin,
    action: 'consultation.created',
    target: `consultation:${consultation.id}`,
    details: { title: consultation.title },
  });
  return consultation;
}

/** Every consultation the caller may read. */
export async function listConsultations(
  context: WorkspaceContext,
  user: User | null,
): Promise<Consultation[]> {
  const all = await context.store.consultations.list();
  const memberships = user ? await context.store.memberships.listByUser(user.id) : [];
  const membershipByConsultation = new Map(memberships.map((m) => [m.consultationId, m]));
  const actor = actorOf(user);
  return all.filter(
    (consultation) =>
      decideOnConsultation(actor, 'consultation.read', {
        consultation,
        membership: membershipByConsultation.get(consultation.id) ?? null,
      }).allowed,
  );
}

export async function getConsultation(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
) {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read', facts);
  return facts;
}

export async function updateConsultation(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  input: ConsultationUpdateInput,
): Promise<Consultation> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.update', facts);
  const previous = facts.consultation;
  if (input.status && !canMoveConsultation(previous.status, input.status)) {
    throw AppError.conflict(
      'invalid_status_transition',
      `A consultation cannot go from ${previous.status} to ${input.status}.`,
    );
  }
  const updated = await context.store.consultations.update(consultationId, {
    ...input,
    updatedAt: context.now().toISOString(),
  });
  if (!updated) throw AppError.notFound('consultation_not_found', 'No such consultation.');
  const statusChanged = input.status !== undefined && input.status !== previous.status;
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: statusChanged ? 'consultation.status_changed' : 'consultation.updated',
    target: `consultation:${consultationId}`,
    details: statusChanged
      ? { from: previous.status, to: input.status }
      : { fields: Object.keys(input) },
  });
  // Status and visibility decide who may read and write every draft of the consultation.
  if (statusChanged || (input.visibility && input.visibility !== previous.visibility)) {
    context.accessChanges.notify({ scope: 'all' });
  }
  return updated;
}
