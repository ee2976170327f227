import {
  auditActions,
  commitmentStatuses,
  commitmentThemeKinds,
  consultationRoles,
  consultationStatuses,
  consultationVisibilities,
  organisationKinds,
} from '@atelier/domain';
import type {
  AuditEntry,
  AuthSession,
  Commitment,
  CommitmentReadModel,
  Consultation,
  Invitation,
  Membership,
  Organisation,
  PlatformRole,
} from '@atelier/domain';
import {
  assertBoolean,
  assertCount,
  assertInstant,
  assertInstantOrNull,
  assertKey,
  assertKeys,
  assertOneOf,
  assertPlainObject,
  assertPositiveInteger,
  assertText,
  assertTextOrNull,
} from './argumentGuards';
import type { CommitmentPatch, ConsultationPatch, NewUser, UserPatch } from './workspaceStore';

/**
 * Whole-record checks run by both adapters before any write, so that what one store accepts
 * the other accepts too, and so that no object the caller did not mean as data (an operator,
 * a Date, a class instance) is ever persisted or used in a query.
 */

const PLATFORM_ROLES = ['admin'] as const satisfies readonly PlatformRole[];

export function assertNewUser(user: NewUser): void {
  assertPlainObject(user, 'user');
  assertKey(user.id, 'user.id');
  assertKey(user.email, 'user.email');
  assertText(user.displayName, 'user.displayName');
  assertTextOrNull(user.publicPseudonym, 'user.publicPseudonym');
  assertKeyOrNull(user.organisationId, 'user.organisationId');
  if (user.platformRole !== null)
    assertOneOf(user.platformRole, PLATFORM_ROLES, 'user.platformRole');
  assertBoolean(user.disabled, 'user.disabled');
  assertInstant(user.createdAt, 'user.createdAt');
  assertTextOrNull(user.passwordHash, 'user.passwordHash');
}

export function assertUserPatch(patch: UserPatch): void {
  assertPlainObject(patch, 'patch');
  if (patch.displayName !== undefined) assertText(patch.displayName, 'patch.displayName');
  if (patch.publicPseudonym !== undefined) {
    assertTextOrNull(patch.publicPseudonym, 'patch.publicPseudonym');
  }
  if (patch.organisationId !== undefined) {
    assertKeyOrNull(patch.organisationId, 'patch.organisationId');
  }
  if (patch.platformRole !== undefined && patch.platformRole !== null) {
    assertOneOf(patch.platformRole, PLATFORM_ROLES, 'patch.platformRole');
  }
  if (patch.disabled !== undefined) assertBoolean(patch.disabled, 'patch.disabled');
  if (patch.passwordHash !== undefined) assertTextOrNull(patch.passwordHash, 'patch.passwordHash');
}

export function assertOrganisation(organisation: Organisation): void {
  assertPlainObject(organisation, 'organisation');
  assertKey(organisation.id, 'organisation.id');
  assertKey(organisation.name, 'organisation.name');
  assertOneOf(organisation.kind, organisationKinds, 'organisation.kind');
  assertTextOrNull(organisation.website, 'organisation.website');
  assertInstant(organisation.createdAt, 'organisation.createdAt');
}

export function assertConsultation(consultation: Consultation): void {
  assertPlainObject(consultation, 'consultation');
  assertKey(consultation.id, 'consultation.id');
  assertText(consultation.title, 'consultation.title');
  assertKey(consultation.slug, 'consultation.slug');
  assertText(consultation.description, 'consultation.description');
  assertTextOrNull(consultation.startsOn, 'consultation.startsOn');
  assertTextOrNull(consultation.endsOn, 'consultation.endsOn');
  assertOneOf(consultation.status, consultationStatuses, 'consultation.status');
  assertOneOf(consultation.visibility, consultationVisibilities, 'consultation.visibility');
  assertInstant(consultation.createdAt, 'consultation.createdAt');
  assertInstant(consultation.updatedAt, 'consultation.updatedAt');
}

export function assertConsultationPatch(patch: ConsultationPatch): void {
  assertPlainObject(patch, 'patch');
  if (patch.title !== undefined) assertText(patch.title, 'patch.title');
  if (patch.description !== undefined) assertText(patch.description, 'patch.description');
  if (patch.startsOn !== undefined) assertTextOrNull(patch.startsOn, 'patch.startsOn');
  if (patch.endsOn !== undefined) assertTextOrNull(patch.endsOn, 'patch.endsOn');
  if (patch.visibility !== undefined) {
    assertOneOf(patch.visibility, consultationVisibilities, 'patch.visibility');
  }
  if (patch.status !== undefined) assertOneOf(patch.status, consultationStatuses, 'patch.status');
  assertInstant(patch.updatedAt, 'patch.updatedAt');
}

export function assertMembership(membership: Membership): void {
  assertPlainObject(membership, 'membership');
  assertKey(membership.consultationId, 'membership.consultationId');
  assertKey(membership.userId, 'membership.userId');
  assertOneOf(membership.role, consultationRoles, 'membership.role');
  assertInstant(membership.createdAt, 'membership.createdAt');
}

export function assertCommitment(commitment: Commitment): void {
  assertPlainObject(commitment, 'commitment');
  assertKey(commitment.id, 'commitment.id');
  assertKey(commitment.consultationId, 'commitment.consultationId');
  assertPositiveInteger(commitment.number, 'commitment.number');
  assertText(commitment.title, 'commitment.title');
  assertTheme(commitment.theme, 'commitment.theme');
  assertKeys(commitment.leadOrganisationIds, 'commitment.leadOrganisationIds');
  assertKeys(commitment.partnerOrganisationIds, 'commitment.partnerOrganisationIds');
  assertOneOf(commitment.status, commitmentStatuses, 'commitment.status');
  assertBoolean(commitment.locked, 'commitment.locked');
  assertKey(commitment.docName, 'commitment.docName');
  assertReadModel(commitment.readModel);
  assertInstant(commitment.createdAt, 'commitment.createdAt');
  assertInstant(commitment.updatedAt, 'commitment.updatedAt');
}

export function assertCommitmentPatch(patch: CommitmentPatch): void {
  assertPlainObject(patch, 'patch');
  if (patch.title !== undefined) assertText(patch.title, 'patch.title');
  if (patch.theme !== undefined) assertTheme(patch.theme, 'patch.theme');
  if (patch.leadOrganisationIds !== undefined) {
    assertKeys(patch.leadOrganisationIds, 'patch.leadOrganisationIds');
  }
  if (patch.partnerOrganisationIds !== undefined) {
    assertKeys(patch.partnerOrganisationIds, 'patch.partnerOrganisationIds');
  }
  if (patch.status !== undefined) assertOneOf(patch.status, commitmentStatuses, 'patch.status');
  if (patch.locked !== undefined) assertBoolean(patch.locked, 'patch.locked');
  assertInstant(patch.updatedAt, 'patch.updatedAt');
}

/** Checks the shape only; the read model is derived by the server, not typed in by people. */
export function assertReadModel(readModel: CommitmentReadModel): void {
  assertPlainObject(readModel, 'readModel');
  assertText(readModel.title, 'readModel.title');
  assertPlainObject(readModel.sections, 'readModel.sections');
  for (const [key, text] of Object.entries(readModel.sections)) {
    if (text !== undefined) assertText(text, `readModel.sections.${key}`);
  }
  if (!Array.isArray(readModel.milestones)) {
    throw new TypeError('readModel.milestones must be an array');
  }
  readModel.milestones.forEach((milestone, index) =>
    assertPlainObject(milestone, `readModel.milestones[${index}]`),
  );
  assertCount(readModel.wordCount, 'readModel.wordCount');
  assertTextOrNull(readModel.lastEditedAt, 'readModel.lastEditedAt');
  assertKeys(readModel.contributorIds, 'readModel.contributorIds');
}

export function assertInvitation(invitation: Invitation): void {
  assertPlainObject(invitation, 'invitation');
  assertKey(invitation.id, 'invitation.id');
  assertKey(invitation.consultationId, 'invitation.consultationId');
  assertKey(invitation.email, 'invitation.email');
  assertOneOf(invitation.role, consultationRoles, 'invitation.role');
  assertKey(invitation.invitedBy, 'invitation.invitedBy');
  assertKey(invitation.tokenHash, 'invitation.tokenHash');
  assertInstant(invitation.expiresAt, 'invitation.expiresAt');
  assertInstantOrNull(invitation.acceptedAt, 'invitation.acceptedAt');
  assertInstant(invitation.createdAt, 'invitation.createdAt');
}

export function assertSession(session: AuthSession): void {
  assertPlainObject(session, 'session');
  assertKey(session.idHash, 'session.idHash');
  assertKey(session.userId, 'session.userId');
  assertInstant(session.createdAt, 'session.createdAt');
  assertInstant(session.lastSeenAt, 'session.lastSeenAt');
  assertInstant(session.expiresAt, 'session.expiresAt');
}

export function assertAuditEntry(entry: AuditEntry): void {
  assertPlainObject(entry, 'entry');
  assertKey(entry.id, 'entry.id');
  assertKeyOrNull(entry.consultationId, 'entry.consultationId');
  assertKeyOrNull(entry.actorId, 'entry.actorId');
  assertOneOf(entry.action, auditActions, 'entry.action');
  assertText(entry.target, 'entry.target');
  assertPlainObject(entry.details, 'entry.details');
  assertInstant(entry.at, 'entry.at');
}

function assertTheme(theme: Commitment['theme'], what: string): void {
  assertPlainObject(theme, what);
  assertOneOf(theme.kind, commitmentThemeKinds, `${what}.kind`);
  assertText(theme.label, `${what}.label`);
}

function assertKeyOrNull(value: unknown, what: string): asserts value is string | null {
  if (value !== null) assertKey(value, what);
}
