import { z } from 'zod';
import {
  consultationCreateSchema,
  consultationUpdateSchema,
  emailSchema,
  consultationRoles,
  membershipRoleSchema,
} from '@atelier/domain';
import {
  auditEntryDtoSchema,
  consultationDtoSchema,
  invitationCreatedDtoSchema,
  memberDtoSchema,
} from '@atelier/protocol';
import { listAudit } from '../../workspace/commands/auditCommands';
import {
  createConsultation,
  getConsultation,
  listConsultations,
  updateConsultation,
} from '../../workspace/commands/consultationCommands';
import { inviteMember } from '../../workspace/commands/invitationCommands';
import { listMembers, removeMember, setMemberRole } from '../../workspace/commands/memberCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import {
  toAuditEntryDtos,
  toConsultationDto,
  toConsultationDtos,
  toMemberDtos,
} from '../dtoMappers';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

const memberParamsSchema = z.strictObject({
  id: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});

export function consultationRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/consultations',
      tag: 'consultations',
      summary: 'Creates a consultation (platform admins); the creator becomes its facilitator.',
      body: consultationCreateSchema,
      response: consultationDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 409],
      handler: async ({ user, body }) =>
        toConsultationDto(await createConsultation(context, user, body), 'facilitator'),
    }),
    defineRoute({
      method: 'get',
      path: '/consultations',
      tag: 'consultations',
      summary: 'Consultations the caller may read (public ones even signed out).',
      query: z.strictObject({}),
      response: z.array(consultationDtoSchema),
      errors: [],
      handler: async ({ user }) =>
        toConsultationDtos(context, user, await listConsultations(context, user)),
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}',
      tag: 'consultations',
      summary: 'One consultation.',
      params: idParamsSchema,
      response: consultationDtoSchema,
      errors: [401, 404],
      handler: async ({ user, params }) => {
        const facts = await getConsultation(context, user, params.id);
        return toConsultationDto(facts.consultation, facts.membership?.role ?? null);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/consultations/{id}',
      tag: 'consultations',
      summary: 'Changes title, description, dates, visibility or status (facilitators).',
      params: idParamsSchema,
      body: consultationUpdateSchema,
      response: consultationDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) => {
        const updated = await updateConsultation(context, user, params.id, body);
        const membership = user ? await context.store.memberships.find(params.id, user.id) : null;
        return toConsultationDto(updated, membership?.role ?? null);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/members',
      tag: 'members',
      summary: 'Members and their roles (members only).',
      params: idParamsSchema,
      response: z.array(memberDtoSchema),
      errors: [401, 403, 404],
      handler: async ({ user, params }) =>
        toMemberDtos(context, await listMembers(context, user, params.id)),
    }),
    defineRoute({
      method: 'put',
      path: '/consultations/{id}/members/{userId}',
      tag: 'members',
      summary: "Sets a person's role (facilitators). Open editors follow within a second.",
      params: memberParamsSchema,
      body: membershipRoleSchema,
      response: memberDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) => {
        const membership = await setMemberRole(context, user, params.id, params.userId, body.role);
        const [dto] = await toMemberDtos(context, [membership]);
        return dto!;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/consultations/{id}/members/{userId}',
      tag: 'members',
      summary: 'Removes a member (facilitators). Their open connections are closed.',
      params: memberParamsSchema,
      response: null,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) => removeMember(context, user, params.id, params.userId),
    }),
    defineRoute({
      method: 'post',
      path: '/consultations/{id}/invitations',
      tag: 'members',
      summary:
        'Invites someone by email with a role; returns the link (emailed when SMTP is configured).',
      params: idParamsSchema,
      body: z.strictObject({ email: emailSchema, role: z.enum(consultationRoles) }),
      response: invitationCreatedDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404],
      handler: async ({ user, params, body }) => inviteMember(context, user, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/audit',
      tag: 'consultations',
      summary: 'Audit log, newest first (facilitators).',
      params: idParamsSchema,
      response: z.array(auditEntryDtoSchema),
      errors: [401, 403, 404],
      handler: async ({ user, params }) =>
        toAuditEntryDtos(context, await listAudit(context, user, params.id)),
    }),
  ];
}
