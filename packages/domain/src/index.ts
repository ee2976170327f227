export type { AuditAction, AuditEntry } from './auditEntry';
export { auditActions } from './auditEntry';
export type { AuthSession } from './authSession';
export type {
  Commitment,
  CommitmentCreateInput,
  CommitmentReadModel,
  CommitmentStatus,
  CommitmentThemeKind,
  CommitmentUpdateInput,
  DraftSectionKey,
  Milestone,
} from './commitment';
export {
  commitmentCreateSchema,
  commitmentStatuses,
  commitmentThemeKinds,
  commitmentUpdateSchema,
  draftDocNameFor,
  draftSectionKeys,
  emptyReadModel,
} from './commitment';
export type {
  Consultation,
  ConsultationCreateInput,
  ConsultationStatus,
  ConsultationUpdateInput,
  ConsultationVisibility,
} from './consultation';
export {
  canMoveConsultation,
  consultationCreateSchema,
  consultationStatuses,
  consultationUpdateSchema,
  consultationVisibilities,
  isConsultationWritable,
  slugSchema,
} from './consultation';
export type { DocumentAccess, ReadOnlyReason } from './documentAccess';
export { mayEditText } from './documentAccess';
export type { Invitation } from './invitation';
export { INVITATION_VALIDITY_DAYS } from './invitation';
export type { ConsultationRole, Membership } from './membership';
export { consultationRoles, isRoleAtLeast, membershipRoleSchema } from './membership';
export type { Organisation, OrganisationInput, OrganisationKind } from './organisation';
export { organisationInputSchema, organisationKinds } from './organisation';
export type {
  Actor,
  CommitmentAction,
  CommitmentFacts,
  ConsultationAction,
  ConsultationFacts,
  Decision,
  DenialReason,
  DraftAccessDecision,
} from './permissions';
export { decideDraftAccess, decideOnCommitment, decideOnConsultation } from './permissions';
export type { PlatformRole, User } from './user';
export {
  displayNameSchema,
  emailSchema,
  normaliseEmail,
  passwordSchema,
  publicNameOf,
} from './user';
