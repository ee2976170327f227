import { z } from 'zod';
import { setUserDisabled } from '../../workspace/commands/userCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

export function userRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'patch',
      path: '/users/{id}',
      tag: 'users',
      summary:
        'Disables or enables an account (platform admins); disabling ends its sessions and open connections.',
      params: idParamsSchema,
      body: z.strictObject({ disabled: z.boolean() }),
      response: z.object({ id: z.string(), disabled: z.boolean() }),
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) => {
        const updated = await setUserDisabled(context, user, params.id, body.disabled);
        return { id: updated.id, disabled: updated.disabled };
      },
    }),
  ];
}
