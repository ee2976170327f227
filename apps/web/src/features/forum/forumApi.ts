import type {
  ForumSessionCreateInput,
  ForumSessionUpdateInput,
  ParticipantKind,
} from '@atelier/domain';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type CommitmentDto,
  type ForumJoinedDto,
  type ForumSessionDto,
} from '@atelier/protocol';

import { ApiError, readApiError } from '../../lib/apiError';

/**
 * The forum's REST calls: scheduling and editing sessions, and joining by code. Same rules as
 * lib/api.ts (same origin, session cookie, CSRF header on writes, errors with the server's code).
 */
async function request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (!response.ok) throw await readApiError(response);
  return (await response.json()) as T;
}

const segment = encodeURIComponent;

export interface JoinByCodeRequest {
  readonly code: string;
  readonly displayName?: string;
  readonly participantKind?: ParticipantKind;
}

export const forumApi = {
  sessions: (consultationId: string) =>
    request<ForumSessionDto[]>('GET', `/consultations/${segment(consultationId)}/forum-sessions`),
  session: (sessionId: string) =>
    request<ForumSessionDto>('GET', `/forum-sessions/${segment(sessionId)}`),
  schedule: (consultationId: string, input: ForumSessionCreateInput) =>
    request<ForumSessionDto>(
      'POST',
      `/consultations/${segment(consultationId)}/forum-sessions`,
      input,
    ),
  update: (sessionId: string, changes: ForumSessionUpdateInput) =>
    request<ForumSessionDto>('PATCH', `/forum-sessions/${segment(sessionId)}`, changes),
  join: (joining: JoinByCodeRequest) => request<ForumJoinedDto>('POST', '/forum/join', joining),
  /** The drafts a running session opens to its guests (the cookie set at join names them). */
  sessionCommitments: (sessionId: string) =>
    request<CommitmentDto[]>('GET', `/forum-sessions/${segment(sessionId)}/commitments`),
};

export const forumQueryKeys = {
  sessions: (consultationId: string) =>
    ['consultations', consultationId, 'forum-sessions'] as const,
  session: (sessionId: string) => ['forum-sessions', sessionId] as const,
};
