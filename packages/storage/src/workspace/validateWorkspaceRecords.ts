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
  assertKeyOrNull,
  assertKeys,
  assertPlainObject,
  assertPositiveInteger,
  assertText,
  assertTextOrNull,
} from './argumentGuards';
import { nullable, oneOf, optional, plainRecord } from './recordChecks';
import type { CommitmentPatch, ConsultationPatch, NewUser, UserPatch } from './workspaceStore';

/**
 * Whole-record checks run by both adapters before any write, so that what one store accepts
 * the other accepts too, and so that no object the caller did not mean as data (an operator,
 * a Date, a class instance) is ever persisted or used in a query.
 */

const PLATFORM_ROLES = ['admin'] as const satisfies readonly PlatformRole[];

const checkNewUser = plainRecord<NewUser>({
  id: assertKey,
  email: assertKey,
  displayName: assertText,
  publicPseudonym: assertTextOrNull,
  organisationId: assertKeyOrNull,
  platformRole: nullable(oneOf(PLATFORM_ROLES)),
  disabled: assertBoolean,
  createdAt: assertInstant,
  passwordHash: assertTextOrNull,
});

export function assertNewUser(user: NewUser): void {
  checkNewUser(user, 'user');
}

const checkUserPatch = plainRecord<UserPatch>({
  displayName: optional(assertText),
  publicPseudonym: optional(assertTextOrNull),
  organisationId: optional(assertKeyOrNull),
  platformRole: optional(nullable(oneOf(PLATFORM_ROLES))),
  disabled: optional(assertBoolean),
  passwordHash: optional(assertTextOrNull),
});

export function assertUserPatch(patch: UserPatch): void {
  checkUserPatch(patch, 'patch');
}

const checkOrganisation = plainRecord<Organisation>({
  id: assertKey,
  name: assertKey,
  kind: oneOf(organisationKinds),
  website: assertTextOrNull,
  createdAt: assertInstant,
});

export function assertOrganisation(organisation: Organisation): void {
  checkOrganisation(organisation, 'organisation');
}

const checkConsultation = plainRecord<Consultation>({
  id: assertKey,
  title: assertText,
  slug: assertKey,
  description: assertText,
  startsOn: assertTextOrNull,
  endsOn: assertTextOrNull,
  status: oneOf(consultationStatuses),
  visibility: oneOf(consultationVisibilities),
  createdAt: assertInstant,
  updatedAt: assertInstant,
});

export function assertConsultation(consultation: Consultation): void {
  checkConsultation(consultation, 'consultation');
}

const checkConsultationPatch = plainRecord<ConsultationPatch>({
  title: optional(assertText),
  description: optional(assertText),
  startsOn: optional(assertTextOrNull),
  endsOn: optional(assertTextOrNull),
  visibility: optional(oneOf(consultationVisibilities)),
  status: optional(oneOf(consultationStatuses)),
  updatedAt: assertInstant,
});

export function assertConsultationPatch(patch: ConsultationPatch): void {
  checkConsultationPatch(patch, 'patch');
}

const checkMembership = plainRecord<Membership>({
  consultationId: assertKey,
  userId: assertKey,
  role: oneOf(consultationRoles),
  createdAt: assertInstant,
});

export function assertMembership(membership: Membership): void {
  checkMembership(membership, 'membership');
}

const checkTheme = plainRecord<Commitment['theme']>({
  kind: oneOf(commitmentThemeKinds),
  label: assertText,
});

const checkReadModel = plainRecord<CommitmentReadModel>({
  title: assertText,
  sections: (sections, what) => {
    assertPlainObject(sections, what);
    for (const [key, text] of Object.entries(sections)) {
      if (text !== undefined) assertText(text, `${what}.${key}`);
    }
  },
  milestones: (milestones, what) => {
    if (!Array.isArray(milestones)) throw new TypeError(`${what} must be an array`);
    milestones.forEach((milestone, index) => assertPlainObject(milestone, `${what}[${index}]`));
  },
  wordCount: assertCount,
  lastEditedAt: assertTextOrNull,
  contributorIds: assertKeys,
});

/** Checks the shape only; the read model is derived by the server, not typed in by people. */
export function assertReadModel(readModel: CommitmentReadModel): void {
  checkReadModel(readModel, 'readModel');
}

const checkCommitment = plainRecord<Commitment>({
  id: assertKey,
  consultationId: assertKey,
  number: assertPositiveInteger,
  title: assertText,
  theme: checkTheme,
  leadOrganisationIds: assertKeys,
  partnerOrganisationIds: assertKeys,
  status: oneOf(commitmentStatuses),
  locked: assertBoolean,
  docName: assertKey,
  // Reported as `readModel.…`, as the read-model update (assertReadModel) reports it.
  readModel: (readModel) => checkReadModel(readModel, 'readModel'),
  createdAt: assertInstant,
  updatedAt: assertInstant,
});

export function assertCommitment(commitment: Commitment): void {
  checkCommitment(commitment, 'commitment');
}

const checkCommitmentPatch = plainRecord<CommitmentPatch>({
  title: optional(assertText),
  theme: optional(checkTheme),
  leadOrganisationIds: optional(assertKeys),
  partnerOrganisationIds: optional(assertKeys),
  status: optional(oneOf(commitmentStatuses)),
  locked: optional(assertBoolean),
  updatedAt: assertInstant,
});

export function assertCommitmentPatch(patch: CommitmentPatch): void {
  checkCommitmentPatch(patch, 'patch');
}

const checkInvitation = plainRecord<Invitation>({
  id: assertKey,
  consultationId: assertKey,
  email: assertKey,
  role: oneOf(consultationRoles),
  invitedBy: assertKey,
  tokenHash: assertKey,
  expiresAt: assertInstant,
  acceptedAt: assertInstantOrNull,
  createdAt: assertInstant,
});

export function assertInvitation(invitation: Invitation): void {
  checkInvitation(invitation, 'invitation');
}

const checkSession = plainRecord<AuthSession>({
  idHash: assertKey,
  userId: assertKey,
  createdAt: assertInstant,
  lastSeenAt: assertInstant,
  expiresAt: assertInstant,
});

export function assertSession(session: AuthSession): void {
  checkSession(session, 'session');
}

const checkAuditEntry = plainRecord<AuditEntry>({
  id: assertKey,
  consultationId: assertKeyOrNull,
  actorId: assertKeyOrNull,
  action: oneOf(auditActions),
  target: assertText,
  details: assertPlainObject,
  at: assertInstant,
});

export function assertAuditEntry(entry: AuditEntry): void {
  checkAuditEntry(entry, 'entry');
}
