import { z } from 'zod';
import {
  commentDisplay,
  commentEditSchema,
  commentReactionSchema,
  commentReplySchema,
  countReactions,
  publicNameOf,
  threadCreateSchema,
  threadResponseSchema,
  type Comment,
  type ThreadWithComments,
} from '@atelier/domain';
import {
  commentDtoSchema,
  commentThreadDtoSchema,
  type CommentDto,
  type CommentPersonDto,
  type CommentThreadDto,
} from '@atelier/protocol';
import { respondToThread, setThreadResolved } from '../../workspace/commands/responseCommands';
import {
  commentServicesFor,
  createThread,
  deleteComment,
  editComment,
  listThreads,
  reactToComment,
  replyToThread,
  type CommentServices,
  type ThreadListing,
} from '../../workspace/commands/threadCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

const noBody = z.strictObject({});

export function threadRoutes(
  context: WorkspaceContext,
  services: CommentServices = commentServicesFor(context),
): AnyRouteDefinition[] {
  const oneThread = (listing: ThreadListing): CommentThreadDto => toThreadDtos(listing)[0]!;
  const oneComment = (listing: ThreadListing, commentId: string): CommentDto => {
    const comment = listing.threads
      .flatMap((entry) => entry.comments)
      .find((candidate) => candidate.id === commentId)!;
    return toCommentDto(listing, comment);
  };
  return [
    defineRoute({
      method: 'get',
      path: '/commitments/{id}/threads',
      tag: 'comments',
      summary:
        'Threads on a commitment, oldest first: comments, reactions by participant kind, response, and where each anchored passage is now.',
      params: idParamsSchema,
      response: z.array(commentThreadDtoSchema),
      errors: [401, 404],
      handler: async ({ user, params }) =>
        toThreadDtos(await listThreads(context, services, user, params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/commitments/{id}/threads',
      tag: 'comments',
      summary:
        'Starts a thread on the draft or on a passage of it (anchor checked against this draft). Body: plain text.',
      params: idParamsSchema,
      body: threadCreateSchema,
      response: commentThreadDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404, 409, 429],
      handler: async ({ user, params, body }) =>
        oneThread(await createThread(context, services, user, params.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/threads/{id}/comments',
      tag: 'comments',
      summary: 'Replies in a thread; refused when its first comment is hidden.',
      params: idParamsSchema,
      body: commentReplySchema,
      response: commentDtoSchema,
      successStatus: 201,
      errors: [400, 401, 403, 404, 409, 429],
      handler: async ({ user, params, body }) => {
        const { listing, commentId } = await replyToThread(
          context,
          services,
          user,
          params.id,
          body,
        );
        return oneComment(listing, commentId);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/comments/{id}',
      tag: 'comments',
      summary: 'Edits one’s own comment (text and mentions).',
      params: idParamsSchema,
      body: commentEditSchema,
      response: commentDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        oneComment(await editComment(context, user, params.id, body), params.id),
    }),
    defineRoute({
      method: 'delete',
      path: '/comments/{id}',
      tag: 'comments',
      summary: 'Deletes one’s own comment; with replies after it, "comment deleted" stays.',
      params: idParamsSchema,
      response: null,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) => deleteComment(context, user, params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/comments/{id}/reaction',
      tag: 'comments',
      summary: 'Agrees or disagrees with a comment; replaces one’s previous reaction.',
      params: idParamsSchema,
      body: commentReactionSchema,
      response: commentDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        oneComment(await reactToComment(context, user, params.id, body.kind), params.id),
    }),
    defineRoute({
      method: 'delete',
      path: '/comments/{id}/reaction',
      tag: 'comments',
      summary: 'Withdraws one’s reaction to a comment.',
      params: idParamsSchema,
      response: commentDtoSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) =>
        oneComment(await reactToComment(context, user, params.id, null), params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/threads/{id}/resolve',
      tag: 'comments',
      summary: 'Resolves a thread (facilitators and members of the lead organisations).',
      params: idParamsSchema,
      body: noBody,
      response: commentThreadDtoSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) =>
        oneThread(await setThreadResolved(context, services, user, params.id, true)),
    }),
    defineRoute({
      method: 'post',
      path: '/threads/{id}/reopen',
      tag: 'comments',
      summary: 'Reopens a resolved thread (facilitators and members of the lead organisations).',
      params: idParamsSchema,
      body: noBody,
      response: commentThreadDtoSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ user, params }) =>
        oneThread(await setThreadResolved(context, services, user, params.id, false)),
    }),
    defineRoute({
      method: 'put',
      path: '/threads/{id}/response',
      tag: 'comments',
      summary:
        'Records the reasoned response to a thread: disposition, reason, optionally the draft version (facilitators and lead organisations).',
      params: idParamsSchema,
      body: threadResponseSchema,
      response: commentThreadDtoSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ user, params, body }) =>
        oneThread(await respondToThread(context, services, user, params.id, body)),
    }),
  ];
}

// ---- Entities to wire DTOs ---------------------------------------------------------------------

function personDto(listing: ThreadListing, userId: string): CommentPersonDto | null {
  const person = listing.people.get(userId);
  return person ? { userId, displayName: publicNameOf(person.user) } : null;
}

/**
 * A deleted comment with nothing after it is left out; one with replies after it stays as the
 * "comment deleted" trace. A thread left with no comment and no response is left out.
 */
export function toThreadDtos(listing: ThreadListing): CommentThreadDto[] {
  return listing.threads.flatMap((entry) => {
    const comments = visibleComments(entry);
    if (comments.length === 0 && entry.response === null) return [];
    const { thread, response } = entry;
    const resolution = listing.anchors.get(thread.id);
    return [
      {
        id: thread.id,
        consultationId: thread.consultationId,
        commitmentId: thread.commitmentId,
        roundId: thread.roundId,
        anchor: thread.anchor ? { ...thread.anchor } : null,
        anchorStatus: !resolution
          ? null
          : resolution.status === 'attached'
            ? {
                status: 'attached',
                text: resolution.text,
                startOffset: resolution.range.startOffset,
                endOffset: resolution.range.endOffset,
              }
            : { status: 'detached', quote: resolution.quote },
        status: thread.status,
        createdAt: thread.createdAt,
        resolvedBy: thread.resolvedBy ? personDto(listing, thread.resolvedBy) : null,
        resolvedAt: thread.resolvedAt,
        comments: comments.map((comment) => toCommentDto(listing, comment)),
        response: response
          ? {
              disposition: response.disposition,
              reason: response.reason,
              respondedBy: personDto(listing, response.respondedBy),
              respondedAt: response.respondedAt,
              draftVersion: response.draftVersion,
            }
          : null,
      },
    ];
  });
}

function visibleComments({ comments }: ThreadWithComments): Comment[] {
  let end = comments.length;
  while (end > 0 && comments[end - 1]!.deletedAt !== null) end -= 1;
  return comments.slice(0, end);
}

export function toCommentDto(listing: ThreadListing, comment: Comment): CommentDto {
  const display = commentDisplay(comment);
  const person = listing.people.get(comment.authorId);
  const reactions = listing.reactions.filter((reaction) => reaction.commentId === comment.id);
  const counts = countReactions(reactions, (id) => listing.people.get(id)?.kind);
  const mine = reactions.find((reaction) => reaction.userId === listing.viewerId);
  return {
    id: comment.id,
    threadId: comment.threadId,
    author:
      display.kind === 'deleted' || !person
        ? null
        : {
            userId: comment.authorId,
            displayName: publicNameOf(person.user),
            participantKind: person.kind ?? 'citizen',
          },
    display: { ...display },
    mentions: comment.mentions.flatMap((id) => {
      const mentioned = personDto(listing, id);
      return mentioned ? [mentioned] : [];
    }),
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    reactions: { agree: { ...counts.agree }, disagree: { ...counts.disagree } },
    myReaction: mine?.kind ?? null,
  };
}
