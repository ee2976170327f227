import type { TextAnchor } from '@atelier/collab';
import type { ThreadDisposition } from '@atelier/domain';
import type { CommentDto, CommentPersonDto, CommentThreadDto } from '@atelier/protocol';

import { request } from '../../lib/api';

const segment = encodeURIComponent;

/** What a comment box sends: plain text and the ids of the members it mentions. */
export interface CommentInput {
  readonly body: string;
  readonly mentions: readonly string[];
}

export interface ThreadResponseInput {
  readonly disposition: ThreadDisposition;
  readonly reason: string;
  /** The draft version the contribution was taken into account in; null for none. */
  readonly draftVersion: string | null;
}

/** The comment endpoints (apps/server/src/http/routes/threadRoutes.ts, moderation, mentions). */
export const commentsApi = {
  threads: (commitmentId: string) =>
    request<CommentThreadDto[]>('GET', `/commitments/${segment(commitmentId)}/threads`),
  /** A thread on a passage (or on the whole draft when `anchor` is null). */
  createThread: (commitmentId: string, input: CommentInput & { anchor: TextAnchor | null }) =>
    request<CommentThreadDto>('POST', `/commitments/${segment(commitmentId)}/threads`, input),
  reply: (threadId: string, input: CommentInput) =>
    request<CommentDto>('POST', `/threads/${segment(threadId)}/comments`, input),
  edit: (commentId: string, input: CommentInput) =>
    request<CommentDto>('PATCH', `/comments/${segment(commentId)}`, input),
  remove: (commentId: string) => request<void>('DELETE', `/comments/${segment(commentId)}`),
  react: (commentId: string, kind: 'agree' | 'disagree') =>
    request<CommentDto>('PUT', `/comments/${segment(commentId)}/reaction`, { kind }),
  withdrawReaction: (commentId: string) =>
    request<CommentDto>('DELETE', `/comments/${segment(commentId)}/reaction`),
  flag: (commentId: string, reason: string) =>
    request<unknown>('POST', `/comments/${segment(commentId)}/flag`, { reason }),
  hide: (commentId: string, reason: string) =>
    request<unknown>('POST', `/comments/${segment(commentId)}/hide`, { reason }),
  restore: (commentId: string, reason: string) =>
    request<unknown>('POST', `/comments/${segment(commentId)}/restore`, { reason }),
  resolve: (threadId: string) =>
    request<CommentThreadDto>('POST', `/threads/${segment(threadId)}/resolve`, {}),
  reopen: (threadId: string) =>
    request<CommentThreadDto>('POST', `/threads/${segment(threadId)}/reopen`, {}),
  respond: (threadId: string, input: ThreadResponseInput) =>
    request<CommentThreadDto>('PUT', `/threads/${segment(threadId)}/response`, {
      disposition: input.disposition,
      reason: input.reason,
      draftVersion: input.draftVersion,
    }),
  mentionable: (consultationId: string, query: string) =>
    request<CommentPersonDto[]>(
      'GET',
      `/consultations/${segment(consultationId)}/mentionable?q=${encodeURIComponent(query)}`,
    ),
};
