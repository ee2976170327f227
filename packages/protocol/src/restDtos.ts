import { z } from 'zod';
import {
  commitmentStatuses,
  commitmentThemeKinds,
  consultationRoles,
  consultationStatuses,
  consultationVisibilities,
  draftSectionKeys,
  organisationKinds,
} from '@atelier/domain';

/**
 * What the REST API returns, declared once: the server validates its own responses against
 * these in tests, the OpenAPI document is generated from them, and the web client types its
 * calls with them.
 */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBodyDto = z.infer<typeof errorBodySchema>;

export const organisationDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  website: z.string().nullable(),
});
export type OrganisationDto = z.infer<typeof organisationDtoSchema>;

export const meDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  publicPseudonym: z.string().nullable(),
  organisation: organisationDtoSchema.nullable(),
  platformRole: z.enum(['admin']).nullable(),
  memberships: z.array(z.object({ consultationId: z.string(), role: z.enum(consultationRoles) })),
});
export type MeDto = z.infer<typeof meDtoSchema>;

export const consultationDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(consultationStatuses),
  visibility: z.enum(consultationVisibilities),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller's role in it, null when not a member. */
  myRole: z.enum(consultationRoles).nullable(),
});
export type ConsultationDto = z.infer<typeof consultationDtoSchema>;

export const memberDtoSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  organisation: organisationDtoSchema.nullable(),
  role: z.enum(consultationRoles),
  since: z.string(),
});
export type MemberDto = z.infer<typeof memberDtoSchema>;

export const invitationCreatedDtoSchema = z.object({
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  emailSent: z.boolean(),
});
export type InvitationCreatedDto = z.infer<typeof invitationCreatedDtoSchema>;

const milestoneDtoSchema = z.object({
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  owner: z.string(),
  expectedOutput: z.string(),
});

export const commitmentDtoSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  number: z.number().int(),
  title: z.string(),
  theme: z.object({ kind: z.enum(commitmentThemeKinds), label: z.string() }),
  leadOrganisations: z.array(organisationDtoSchema),
  partnerOrganisations: z.array(organisationDtoSchema),
  status: z.enum(commitmentStatuses),
  locked: z.boolean(),
  docName: z.string(),
  draft: z.object({
    title: z.string(),
    sections: z.partialRecord(z.enum(draftSectionKeys), z.string()),
    milestones: z.array(milestoneDtoSchema),
    wordCount: z.number().int(),
    lastEditedAt: z.string().nullable(),
    contributors: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CommitmentDto = z.infer<typeof commitmentDtoSchema>;

export const auditEntryDtoSchema = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;

export const loginRequestSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(256),
});
export type LoginRequestDto = z.infer<typeof loginRequestSchema>;
