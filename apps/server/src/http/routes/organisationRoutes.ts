import { z } from 'zod';
import { organisationInputSchema } from '@atelier/domain';
import { organisationDtoSchema } from '@atelier/protocol';
import {
  createOrganisation,
  listOrganisations,
} from '../../workspace/commands/organisationCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { toOrganisationDto } from '../dtoMappers';
import { defineRoute, type AnyRouteDefinition } from '../routeDefinition';

export function organisationRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/organisations',
      tag: 'organisations',
      summary: 'Registers an organisation (platform admins).',
      body: organisationInputSchema,
      response: organisationDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 409],
      handler: async ({ user, body }) =>
        toOrganisationDto(await createOrganisation(context, user, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/organisations',
      tag: 'organisations',
      summary: 'Every organisation, by name.',
      query: z.strictObject({}),
      response: z.array(organisationDtoSchema),
      errors: [401],
      handler: async ({ user }) => (await listOrganisations(context, user)).map(toOrganisationDto),
    }),
  ];
}
