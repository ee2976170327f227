import type { Commitment } from './commitment';
import { isConsultationWritable, type Consultation } from './consultation';
import type { DocumentAccess, ReadOnlyReason } from './documentAccess';
import { isRoleAtLeast, type ConsultationRole, type Membership } from './membership';
import type { User } from './user';

/**
 * The one place that answers "may this person do this". REST routes, Socket.io handlers and the
 * Yjs endpoint all ask here; the web client only mirrors the answers. Pure: callers load the
 * facts (user, consultation, membership, commitment) and pass them in.
 */
export type Actor = Pick<User, 'id' | 'platformRole' | 'disabled' | 'organisationId'> | null;

export type ConsultationAction =
  | 'consultation.read'
  | 'consultation.update'
  | 'consultation.read_members'
  | 'consultation.manage_members'
  | 'consultation.read_audit'
  | 'commitment.create';

export type CommitmentAction =
  'commitment.read' | 'commitment.update' | 'commitment.lock' | 'draft.edit' | 'draft.comment';

export type DenialReason =
  | 'signed_out'
  | 'account_disabled'
  | 'not_a_member'
  | 'role_too_low'
  | 'consultation_closed'
  | 'draft_locked';

export type Decision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason };

export interface ConsultationFacts {
  readonly consultation: Consultation;
  /** The actor's membership in this consultation, if any. */
  readonly membership: Membership | null;
}

export interface CommitmentFacts extends ConsultationFacts {
  readonly commitment: Commitment;
}

// `isAdmin`, `hasRole` and `requireRole` are exported for the other policy modules of this
// package (commentPermissions.ts); they are not part of the package's public API.
const ALLOW: Decision = { allowed: true };
const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

export function isAdmin(actor: Actor): boolean {
  return actor !== null && !actor.disabled && actor.platformRole === 'admin';
}

export function hasRole(facts: ConsultationFacts, atLeast: ConsultationRole): boolean {
  return facts.membership !== null && isRoleAtLeast(facts.membership.role, atLeast);
}

/** Reading: public consultations are open to anyone once they are no longer being prepared. */
function mayRead(actor: Actor, facts: ConsultationFacts): Decision {
  if (actor?.disabled) return deny('account_disabled');
  if (isAdmin(actor) || (actor && facts.membership)) return ALLOW;
  if (facts.consultation.visibility === 'public' && facts.consultation.status !== 'draft')
    return ALLOW;
  return deny(actor ? 'not_a_member' : 'signed_out');
}

export function requireRole(
  actor: Actor,
  facts: ConsultationFacts,
  atLeast: ConsultationRole,
): Decision {
  if (!actor) return deny('signed_out');
  if (actor.disabled) return deny('account_disabled');
  if (isAdmin(actor) || hasRole(facts, atLeast)) return ALLOW;
  return deny(facts.membership ? 'role_too_low' : 'not_a_member');
}

export function decideOnConsultation(
  actor: Actor,
  action: ConsultationAction,
  facts: ConsultationFacts,
): Decision {
  switch (action) {
    case 'consultation.read':
      return mayRead(actor, facts);
    case 'consultation.read_members':
      return requireRole(actor, facts, 'observer');
    case 'consultation.update':
    case 'consultation.manage_members':
    case 'consultation.read_audit':
      return requireRole(actor, facts, 'facilitator');
    case 'commitment.create': {
      const byRole = requireRole(actor, facts, 'facilitator');
      if (!byRole.allowed) return byRole;
      return isConsultationWritable(facts.consultation.status)
        ? ALLOW
        : deny('consultation_closed');
    }
  }
}

export function decideOnCommitment(
  actor: Actor,
  action: CommitmentAction,
  facts: CommitmentFacts,
): Decision {
  switch (action) {
    case 'commitment.read':
      return mayRead(actor, facts);
    case 'commitment.update':
    case 'commitment.lock': {
      const byRole = requireRole(actor, facts, 'facilitator');
      if (!byRole.allowed) return byRole;
      return facts.consultation.status === 'archived' ? deny('consultation_closed') : ALLOW;
    }
    case 'draft.edit': {
      const byRole = requireRole(actor, facts, 'contributor');
      if (!byRole.allowed) return byRole;
      if (!isConsultationWritable(facts.consultation.status)) return deny('consultation_closed');
      // Only facilitators write a locked draft.
      if (facts.commitment.locked && !isAdmin(actor) && !hasRole(facts, 'facilitator'))
        return deny('draft_locked');
      return ALLOW;
    }
    case 'draft.comment': {
      const byRole = requireRole(actor, facts, 'commenter');
      if (!byRole.allowed) return byRole;
      return isConsultationWritable(facts.consultation.status)
        ? ALLOW
        : deny('consultation_closed');
    }
  }
}

export type DraftAccessDecision =
  | { readonly access: DocumentAccess; readonly readOnlyReason?: ReadOnlyReason }
  | { readonly denied: 'unauthenticated' | 'forbidden' };

/** What a connection to the commitment's draft document may do, with the reason when read-only. */
export function decideDraftAccess(actor: Actor, facts: CommitmentFacts): DraftAccessDecision {
  const read = decideOnCommitment(actor, 'commitment.read', facts);
  if (!read.allowed)
    return { denied: read.reason === 'signed_out' ? 'unauthenticated' : 'forbidden' };
  if (decideOnCommitment(actor, 'draft.edit', facts).allowed) return { access: 'edit' };
  const readOnlyReason = readOnlyReasonFor(actor, facts);
  if (decideOnCommitment(actor, 'draft.comment', facts).allowed)
    return { access: 'comment', readOnlyReason };
  return { access: 'view', readOnlyReason };
}

function readOnlyReasonFor(actor: Actor, facts: CommitmentFacts): ReadOnlyReason {
  if (!isConsultationWritable(facts.consultation.status)) return 'consultation_closed';
  if (!actor) return 'signed_out';
  if (facts.commitment.locked && (hasRole(facts, 'contributor') || isAdmin(actor)))
    return 'draft_locked';
  if (hasRole(facts, 'commenter')) return 'role_comment_only';
  return 'role_view_only';
}
