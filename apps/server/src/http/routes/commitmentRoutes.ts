import { z } from 'zod';
import { commitmentCreateSchema, commitmentUpdateSchema } from '@atelier/domain';
import { commitmentDtoSchema } from '@atelier/protocol';
import {
  createCommitment,
  getCommitment,
  listCommitments,
  updateCommitment,
} from '../../workspace/commands/commitmentCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { toCommitmentDtos } from '../dtoMappers';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

export function commitmentRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  const one = async (commitment: Parameters<typeof toCommitmentDtos>[1][number]) =>
    (await toCommitmentDtos(context, [commitment]))[0]!;
  return [
    defineRoute({
      method: 'post',
      path: '/consultations/{id}/commitments',
      tag: 'commitments',
      summary: 'Creates a commitment; its draft is seeded with the OGP template (facilitators).',
      params: idParamsSchema,
      body: commitmentCreateSchema,
      response: commitmentDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        one(await createCommitment(context, user, params.id, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/commitments',
      tag: 'commitments',
      summary: 'Commitments of a consultation, by number, with what their drafts say.',
      params: idParamsSchema,
      response: z.array(commitmentDtoSchema),
      errors: [401, 404],
      handler: async ({ user, params }) =>
        toCommitmentDtos(context, await listCommitments(context, user, params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/commitments/{id}',
      tag: 'commitments',
      summary: 'One commitment.',
      params: idParamsSchema,
      response: commitmentDtoSchema,
      errors: [401, 404],
      handler: async ({ user, params }) => one(await getCommitment(context, user, params.id)),
    }),
    defineRoute({
      method: 'patch',
      path: '/commitments/{id}',
      tag: 'commitments',
      summary:
        'Changes metadata, status or lock (facilitators). A lock turns open editors read-only.',
      params: idParamsSchema,
      body: commitmentUpdateSchema,
      response: commitmentDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        one(await updateCommitment(context, user, params.id, body)),
    }),
  ];
}
