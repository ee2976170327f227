import {
  decideOnCommitment,
  decideOnConsultation,
  type Actor,
  type CommitmentAction,
  type CommitmentFacts,
  type ConsultationAction,
  type ConsultationFacts,
  type User,
} from '@atelier/domain';
import { AppError, denied } from '../errors/appError';
import type { WorkspaceContext } from './workspaceContext';

export function actorOf(user: User | null): Actor {
  return user
    ? {
        id: user.id,
        platformRole: user.platformRole,
        disabled: user.disabled,
        organisationId: user.organisationId,
      }
    : null;
}

/** Loads a consultation with the caller's membership; unknown ids are 404. */
export async function loadConsultationFacts(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<ConsultationFacts> {
  const consultation = await context.store.consultations.findById(consultationId);
  if (!consultation) throw consultationNotFound();
  const membership = user ? await context.store.memberships.find(consultationId, user.id) : null;
  return { consultation, membership };
}

export async function loadCommitmentFacts(
  context: WorkspaceContext,
  user: User | null,
  commitmentId: string,
): Promise<CommitmentFacts> {
  const commitment = await context.store.commitments.findById(commitmentId);
  if (!commitment) throw commitmentNotFound();
  const facts = await loadConsultationFacts(context, user, commitment.consultationId);
  return { ...facts, commitment };
}

/**
 * Checks a permission on a consultation. A caller who may not even read it gets the same 404
 * as for an id that does not exist, so members-only consultations do not leak their existence.
 */
export function authorizeOnConsultation(
  user: User | null,
  action: ConsultationAction,
  facts: ConsultationFacts,
): void {
  const actor = actorOf(user);
  if (
    action !== 'consultation.read' &&
    !decideOnConsultation(actor, 'consultation.read', facts).allowed
  ) {
    throw hiddenOrDenied(actor, facts);
  }
  const decision = decideOnConsultation(actor, action, facts);
  if (!decision.allowed) {
    throw action === 'consultation.read' ? hiddenOrDenied(actor, facts) : denied(decision.reason);
  }
}

export function authorizeOnCommitment(
  user: User | null,
  action: CommitmentAction,
  facts: CommitmentFacts,
): void {
  const actor = actorOf(user);
  const read = decideOnCommitment(actor, 'commitment.read', facts);
  if (!read.allowed)
    throw read.reason === 'signed_out' ? denied('signed_out') : commitmentNotFound();
  const decision = decideOnCommitment(actor, action, facts);
  if (!decision.allowed) throw denied(decision.reason);
}

function hiddenOrDenied(actor: Actor, facts: ConsultationFacts): AppError {
  const read = decideOnConsultation(actor, 'consultation.read', facts);
  if (!read.allowed && read.reason === 'signed_out') return denied('signed_out');
  if (!read.allowed && read.reason === 'account_disabled') return denied('account_disabled');
  return consultationNotFound();
}

export function consultationNotFound(): AppError {
  return AppError.notFound('consultation_not_found', 'No such consultation.');
}

export function commitmentNotFound(): AppError {
  return AppError.notFound('commitment_not_found', 'No such commitment.');
}

export function requireSignedIn(user: User | null): User {
  if (!user) throw denied('signed_out');
  if (user.disabled) throw denied('account_disabled');
  return user;
}

export function requireAdmin(user: User | null): User {
  const signedIn = requireSignedIn(user);
  if (signedIn.platformRole !== 'admin') {
    throw AppError.forbidden('admin_required', 'Only platform administrators can do this.');
  }
  return signedIn;
}
