import { z } from 'zod';
import {
  forumSessionCreateSchema,
  forumSessionUpdateSchema,
  guestJoinSchema,
} from '@atelier/domain';
import { commitmentDtoSchema } from '@atelier/protocol';
import {
  forumJoinedDtoSchema,
  forumRecordDtoSchema,
  forumSessionDtoSchema,
} from '../../forum/forumDtos';
import type { ForumService } from '../../forum/forumService';
import { setForumGuestCookie } from '../../forum/guestCookie';
import { readCookie } from '../../workspace/sessionCookie';
import { toCommitmentDtos } from '../dtoMappers';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

/**
 * Live forum sessions (issue 7) over REST: scheduling and editing them, joining by code, and
 * their record. What happens during a session goes over Socket.io (namespace `/forum`).
 */
export function forumRoutes(forum: ForumService): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/forum-sessions',
      tag: 'forum',
      summary:
        'Forum sessions of a consultation by scheduled time (join codes for facilitators only).',
      params: idParamsSchema,
      response: z.array(forumSessionDtoSchema),
      errors: [401, 403, 404],
      handler: async ({ user, params }) => forum.list(user, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/consultations/{id}/forum-sessions',
      tag: 'forum',
      summary:
        'Schedules a forum session with its agenda, format and guest policy; creates its join code and minutes (facilitators).',
      params: idParamsSchema,
      body: forumSessionCreateSchema.strict(),
      response: forumSessionDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404],
      handler: async ({ user, params, body }) => forum.create(user, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/forum-sessions/{id}',
      tag: 'forum',
      summary:
        'One forum session, for readers of its consultation and its participants (the live state comes with forum:join).',
      params: idParamsSchema,
      response: forumSessionDtoSchema,
      errors: [401, 403, 404],
      handler: async ({ user, params }) => forum.get(user, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/forum-sessions/{id}',
      tag: 'forum',
      summary:
        'Changes a session that has not ended: title, time, format, guest policy, agenda (facilitators).',
      params: idParamsSchema,
      body: forumSessionUpdateSchema.strict(),
      response: forumSessionDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) => forum.update(user, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/forum/join',
      tag: 'forum',
      summary:
        'Joins the session with this code: signed in as yourself, or as a guest with a display name and organisation kind (the answer then carries the guest token for the socket, and sets it as an HttpOnly cookie for the drafts on /collab). Wrong codes are throttled per address.',
      body: guestJoinSchema.strict(),
      response: forumJoinedDtoSchema,
      errors: [400, 403, 404, 429],
      handler: async ({ user, body, request, response }) => {
        const joined = await forum.joinByCode(user, body, request.ip ?? 'unknown');
        if (joined.guestToken) setForumGuestCookie(response, forum.guestCookie, joined.guestToken);
        return joined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/forum-sessions/{id}/commitments',
      tag: 'forum',
      summary:
        'The commitments a session works on (agenda, spotlight, breakout groups): for its guests (by their cookie) and people who joined by code while it runs, for its members at any time.',
      params: idParamsSchema,
      response: z.array(commitmentDtoSchema),
      errors: [403, 404],
      handler: async ({ user, params, request }) =>
        toCommitmentDtos(
          forum.context,
          await forum.sessionCommitments(
            user,
            readCookie(request, forum.guestCookie.name),
            params.id,
          ),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/forum-sessions/{id}/record',
      tag: 'forum',
      summary:
        'Attendance summary and poll results of a session: for readers of the consultation once it has ended, for facilitators at any time.',
      params: idParamsSchema,
      response: forumRecordDtoSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) => forum.record(user, params.id),
    }),
  ];
}
