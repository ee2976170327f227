import { z } from 'zod';
import { commentRoundCreateSchema, commentRoundUpdateSchema, roundPhase } from '@atelier/domain';
import {
  commentRoundDtoSchema,
  roundJoinedDtoSchema,
  type CommentRoundDto,
} from '@atelier/protocol';
import {
  createRound,
  joinRound,
  listRounds,
  updateRound,
  type RoundView,
} from '../../workspace/commands/roundCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

/** The domain's changes, or `closeNow: true` to end an open round at the server's time. */
const roundPatchSchema = z
  .strictObject({ ...commentRoundUpdateSchema.shape, closeNow: z.literal(true).optional() })
  .refine(
    (patch) =>
      patch.opensAt === undefined ||
      patch.closesAt === undefined ||
      Date.parse(patch.closesAt) > Date.parse(patch.opensAt),
    { message: 'closesAt must be after opensAt', path: ['closesAt'] },
  )
  .refine((patch) => !(patch.closeNow && patch.closesAt !== undefined), {
    message: 'give either closeNow or closesAt',
    path: ['closeNow'],
  });

export function toRoundDto({ round, participation }: RoundView, now: Date): CommentRoundDto {
  return {
    id: round.id,
    consultationId: round.consultationId,
    title: round.title,
    instructions: round.instructions,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    audience: round.audience,
    commitmentIds: [...round.commitmentIds],
    phase: roundPhase(round, now),
    createdAt: round.createdAt,
    participation: participation.map((entry) => ({
      ...entry,
      contributorsByKind: { ...entry.contributorsByKind },
    })),
  };
}

export function roundRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  const dto = (view: RoundView) => toRoundDto(view, context.now());
  return [
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/rounds',
      tag: 'comments',
      summary:
        'Comment rounds of a consultation by opening date, with comments and contributors per commitment split by participant kind (comments hidden by moderation count, they were contributions; deleted ones do not). Readable by whoever may read the consultation.',
      params: idParamsSchema,
      response: z.array(commentRoundDtoSchema),
      errors: [401, 404],
      handler: async ({ user, params }) => (await listRounds(context, user, params.id)).map(dto),
    }),
    defineRoute({
      method: 'post',
      path: '/consultations/{id}/rounds',
      tag: 'comments',
      summary:
        'Opens a comment round on all or some commitments, with instructions, dates and audience (facilitators).',
      params: idParamsSchema,
      body: commentRoundCreateSchema,
      response: commentRoundDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        dto(await createRound(context, user, params.id, body)),
    }),
    defineRoute({
      method: 'patch',
      path: '/rounds/{id}',
      tag: 'comments',
      summary:
        'Changes a round: dates, instructions, audience, commitments; `closeNow` closes an open round early (facilitators).',
      params: idParamsSchema,
      body: roundPatchSchema,
      response: commentRoundDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        dto(await updateRound(context, user, params.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/rounds/{id}/join',
      tag: 'comments',
      summary:
        'Joins an open public round: the caller becomes a commenter of the consultation (a higher role is kept).',
      params: idParamsSchema,
      body: z.strictObject({}),
      response: roundJoinedDtoSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) => joinRound(context, user, params.id),
    }),
  ];
}
