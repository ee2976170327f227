import type { CommentHiding, ModerationAction, ModeratorRole } from '@atelier/domain';

import { request } from '../../lib/api';

// The moderation endpoints' wire shapes, as apps/server/src/http/routes/moderationRoutes.ts
// declares them. The server keeps its zod schemas beside the routes until they move to
// @atelier/protocol; these types follow them and should be replaced by the protocol's then.

export interface FlagDto {
  readonly id: string;
  readonly commentId: string;
  readonly reason: string;
  readonly createdAt: string;
}

export interface ModerationQueueItemDto {
  readonly comment: {
    readonly id: string;
    readonly threadId: string;
    readonly commitmentId: string;
    readonly author: { readonly userId: string; readonly displayName: string } | null;
    /** Plain text, hidden or not; empty when its author deleted it. */
    readonly body: string;
    readonly createdAt: string;
    readonly deleted: boolean;
    readonly hidden: CommentHiding | null;
  };
  /** The open flags, oldest first. */
  readonly flags: readonly FlagDto[];
}

export interface ModeratedCommentDto {
  readonly commentId: string;
  readonly threadId: string;
  readonly hidden: CommentHiding | null;
}

export interface MuteDto {
  readonly userId: string;
  readonly until: string;
  readonly reason: string;
  readonly createdAt: string;
}

/** Public: the moderator by role only. */
export interface ModerationLogEntryDto {
  readonly id: string;
  readonly action: ModerationAction;
  /** `comment:<id>`, `user:<id>` or `commitment:<id>`. */
  readonly target: string;
  readonly reason: string;
  readonly moderatorRole: ModeratorRole;
  readonly at: string;
}

const segment = encodeURIComponent;
const consultationPath = (id: string) => `/consultations/${segment(id)}`;

export const moderationQueryKeys = {
  queue: (consultationId: string) => ['consultations', consultationId, 'moderation-queue'] as const,
  mutes: (consultationId: string) => ['consultations', consultationId, 'mutes'] as const,
  log: (consultationId: string) => ['consultations', consultationId, 'moderation-log'] as const,
};

export const moderationApi = {
  queue: (consultationId: string) =>
    request<ModerationQueueItemDto[]>(
      'GET',
      `${consultationPath(consultationId)}/moderation-queue`,
    ),
  hide: (commentId: string, reason: string) =>
    request<ModeratedCommentDto>('POST', `/comments/${segment(commentId)}/hide`, { reason }),
  restore: (commentId: string, reason: string) =>
    request<ModeratedCommentDto>('POST', `/comments/${segment(commentId)}/restore`, { reason }),
  dismissFlags: (commentId: string) =>
    request<{ dismissed: number }>('POST', `/comments/${segment(commentId)}/dismiss-flags`, {}),

  mutes: (consultationId: string) =>
    request<MuteDto[]>('GET', `${consultationPath(consultationId)}/mutes`),
  mute: (consultationId: string, userId: string, mute: { until: string; reason: string }) =>
    request<MuteDto>('PUT', `${consultationPath(consultationId)}/mutes/${segment(userId)}`, mute),
  unmute: (consultationId: string, userId: string) =>
    request<void>('DELETE', `${consultationPath(consultationId)}/mutes/${segment(userId)}`),

  log: (consultationId: string) =>
    request<ModerationLogEntryDto[]>('GET', `${consultationPath(consultationId)}/moderation-log`),
};
