import { z } from 'zod';
import { displayNameSchema, passwordSchema } from '@atelier/domain';
import { meDtoSchema } from '@atelier/protocol';
import { acceptInvitation } from '../../workspace/commands/invitationCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { toMeDto } from '../dtoMappers';
import { defineRoute, type AnyRouteDefinition } from '../routeDefinition';
import { setSessionCookie, type SessionCookieSettings } from './authRoutes';

export function invitationRoutes(
  context: WorkspaceContext,
  cookie: SessionCookieSettings,
): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tag: 'members',
      summary:
        'Accepts an invitation: creates the account (display name and password) or joins with the signed-in one; signs in.',
      params: z.strictObject({ token: z.string().min(20).max(100) }),
      body: z.strictObject({
        displayName: displayNameSchema.optional(),
        password: passwordSchema.optional(),
      }),
      response: meDtoSchema,
      errors: [400, 403, 404, 409, 410],
      handler: async ({ user, params, body, response }) => {
        const accepted = await acceptInvitation(context, user, params.token, body);
        setSessionCookie(response, cookie, accepted.sessionToken);
        return toMeDto(context, accepted.user);
      },
    }),
  ];
}
