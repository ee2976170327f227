import { z } from 'zod';
import {
  flagCreateSchema,
  moderationActions,
  moderationReasonSchema,
  moderatorRoles,
  muteCreateSchema,
  publicNameOf,
  type Comment,
  type Mute,
} from '@atelier/domain';
import {
  dismissFlags,
  flagComment,
  hideComment,
  listModerationLog,
  listModerationQueue,
  listMutes,
  muteParticipant,
  restoreComment,
  unmuteParticipant,
} from '../../workspace/commands/moderationCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

// Wire shapes of the moderation endpoints. They belong in @atelier/protocol next to the other
// DTOs once the web client reads them; kept here meanwhile (the protocol index is shared).
const flagDtoSchema = z.object({
  id: z.string(),
  commentId: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});

const commentHidingDtoSchema = z.object({
  at: z.string(),
  reason: z.string(),
  byRole: z.enum(moderatorRoles),
});

/** The comment's moderation state after a hide or a restore. */
const moderatedCommentDtoSchema = z.object({
  commentId: z.string(),
  threadId: z.string(),
  hidden: commentHidingDtoSchema.nullable(),
});

const moderationQueueItemDtoSchema = z.object({
  comment: z.object({
    id: z.string(),
    threadId: z.string(),
    commitmentId: z.string(),
    author: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
    /** Moderators read what was flagged, hidden or not; empty when the author deleted it. */
    body: z.string(),
    createdAt: z.string(),
    deleted: z.boolean(),
    hidden: commentHidingDtoSchema.nullable(),
  }),
  flags: z.array(flagDtoSchema),
});

const muteDtoSchema = z.object({
  userId: z.string(),
  until: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});

/** Public: the moderator appears by role, never by name or id. */
const moderationLogEntryDtoSchema = z.object({
  id: z.string(),
  action: z.enum(moderationActions),
  /** `comment:<id>`, `user:<id>` or `commitment:<id>`. */
  target: z.string(),
  reason: z.string(),
  moderatorRole: z.enum(moderatorRoles),
  at: z.string(),
});

const muteParamsSchema = z.strictObject({
  id: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});
const muteBodySchema = muteCreateSchema.omit({ userId: true });

const toModeratedComment = (comment: Comment) => ({
  commentId: comment.id,
  threadId: comment.threadId,
  hidden: comment.hidden ? { ...comment.hidden } : null,
});

const toMuteDto = (mute: Mute) => ({
  userId: mute.userId,
  until: mute.until,
  reason: mute.reason,
  createdAt: mute.createdAt,
});

export function moderationRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/comments/{id}/flag',
      tag: 'moderation',
      summary: 'Flags a comment for the moderators, with a reason (once per person).',
      params: idParamsSchema,
      body: flagCreateSchema,
      response: flagDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) => {
        const flag = await flagComment(context, user, params.id, body);
        return {
          id: flag.id,
          commentId: flag.commentId,
          reason: flag.reason,
          createdAt: flag.createdAt,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/moderation-queue',
      tag: 'moderation',
      summary: 'Flagged comments awaiting a decision, with their open flags (facilitators).',
      params: idParamsSchema,
      response: z.array(moderationQueueItemDtoSchema),
      errors: [401, 403, 404],
      handler: async ({ user, params }) =>
        (await listModerationQueue(context, user, params.id)).map(
          ({ comment, thread, author, flags }) => ({
            comment: {
              id: comment.id,
              threadId: thread.id,
              commitmentId: thread.commitmentId,
              author: author ? { userId: author.id, displayName: publicNameOf(author) } : null,
              body: comment.body,
              createdAt: comment.createdAt,
              deleted: comment.deletedAt !== null,
              hidden: comment.hidden ? { ...comment.hidden } : null,
            },
            flags: flags.map((flag) => ({
              id: flag.id,
              commentId: flag.commentId,
              reason: flag.reason,
              createdAt: flag.createdAt,
            })),
          }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/comments/{id}/dismiss-flags',
      tag: 'moderation',
      summary: 'Closes the open flags of a comment without hiding it (facilitators).',
      params: idParamsSchema,
      body: z.strictObject({}),
      response: z.object({ dismissed: z.number().int() }),
      errors: [400, 401, 403, 404],
      handler: async ({ user, params }) => ({
        dismissed: await dismissFlags(context, user, params.id),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/comments/{id}/hide',
      tag: 'moderation',
      summary:
        'Hides a comment with a reason (facilitators). Its thread shows "hidden by moderation on <date>: <reason>" and keeps its replies; its flags are handled; the public log records it.',
      params: idParamsSchema,
      body: moderationReasonSchema,
      response: moderatedCommentDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        toModeratedComment(await hideComment(context, user, params.id, body.reason)),
    }),
    defineRoute({
      method: 'post',
      path: '/comments/{id}/restore',
      tag: 'moderation',
      summary: 'Shows a hidden comment again, with a reason for the public log (facilitators).',
      params: idParamsSchema,
      body: moderationReasonSchema,
      response: moderatedCommentDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        toModeratedComment(await restoreComment(context, user, params.id, body.reason)),
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/mutes',
      tag: 'moderation',
      summary: 'Participants muted now, ending soonest first (facilitators).',
      params: idParamsSchema,
      response: z.array(muteDtoSchema),
      errors: [401, 403, 404],
      handler: async ({ user, params }) =>
        (await listMutes(context, user, params.id)).map(toMuteDto),
    }),
    defineRoute({
      method: 'put',
      path: '/consultations/{id}/mutes/{userId}',
      tag: 'moderation',
      summary:
        'Mutes a participant until a date: their comments are refused meanwhile (facilitators; never a moderator nor oneself).',
      params: muteParamsSchema,
      body: muteBodySchema,
      response: muteDtoSchema,
      errors: [400, 401, 403, 404],
      handler: async ({ user, params, body }) =>
        toMuteDto(await muteParticipant(context, user, params.id, params.userId, body)),
    }),
    defineRoute({
      method: 'delete',
      path: '/consultations/{id}/mutes/{userId}',
      tag: 'moderation',
      summary: 'Ends a mute before its date (facilitators).',
      params: muteParamsSchema,
      response: null,
      errors: [401, 403, 404],
      handler: async ({ user, params }) => {
        await unmuteParticipant(context, user, params.id, params.userId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/moderation-log',
      tag: 'moderation',
      summary:
        'Public moderation log: every hide, restore, mute, unmute, lock and unlock, newest first, with the moderator’s role (never their name). Readable by whoever may read the consultation.',
      params: idParamsSchema,
      query: z.strictObject({}),
      response: z.array(moderationLogEntryDtoSchema),
      errors: [401, 404],
      handler: async ({ user, params }) =>
        (await listModerationLog(context, user, params.id)).map((entry) => ({
          id: entry.id,
          action: entry.action,
          target: entry.target,
          reason: entry.reason,
          moderatorRole: entry.moderatorRole,
          at: entry.at,
        })),
    }),
  ];
}
