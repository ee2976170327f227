import type { TextAnchor } from '@atelier/collab';
import type { ConsultationRole, ConsultationUpdateInput } from '@atelier/domain';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type AuditEntryDto,
  type CommentDto,
  type CommentThreadDto,
  type CommitmentDto,
  type ConsultationDto,
  type InvitationCreatedDto,
  type LoginRequestDto,
  type MeDto,
  type MemberDto,
} from '@atelier/protocol';

import { ApiError, readApiError } from './apiError';

/** An identity provider the server offers (ProConnect, FranceConnect), when configured. */
export interface AuthProviderDto {
  readonly id: string;
  readonly name: string;
}

export interface InvitationAcceptance {
  readonly displayName?: string;
  readonly password?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every call goes to the same origin with the session cookie; state-changing ones carry the
 * CSRF header the server demands. Errors become {@link ApiError} with the server's stable code.
 * Features that own their endpoints (rounds, moderation) call it from their own modules.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

const segment = encodeURIComponent;

export const api = {
  login: (credentials: LoginRequestDto) => request<MeDto>('POST', '/auth/login', credentials),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<MeDto>('GET', '/me'),
  authProviders: () => request<AuthProviderDto[]>('GET', '/auth/providers'),
  oidcStartUrl: (providerId: string, returnTo: string) =>
    `/api/auth/oidc/${segment(providerId)}/start?returnTo=${encodeURIComponent(returnTo)}`,

  consultations: () => request<ConsultationDto[]>('GET', '/consultations'),
  consultation: (id: string) => request<ConsultationDto>('GET', `/consultations/${segment(id)}`),
  updateConsultation: (id: string, changes: ConsultationUpdateInput) =>
    request<ConsultationDto>('PATCH', `/consultations/${segment(id)}`, changes),

  members: (consultationId: string) =>
    request<MemberDto[]>('GET', `/consultations/${segment(consultationId)}/members`),
  setMemberRole: (consultationId: string, userId: string, role: ConsultationRole) =>
    request<MemberDto>(
      'PUT',
      `/consultations/${segment(consultationId)}/members/${segment(userId)}`,
      { role },
    ),
  removeMember: (consultationId: string, userId: string) =>
    request<void>('DELETE', `/consultations/${segment(consultationId)}/members/${segment(userId)}`),
  invite: (consultationId: string, invitation: { email: string; role: ConsultationRole }) =>
    request<InvitationCreatedDto>(
      'POST',
      `/consultations/${segment(consultationId)}/invitations`,
      invitation,
    ),
  acceptInvitation: (token: string, acceptance: InvitationAcceptance) =>
    request<MeDto>('POST', `/invitations/${segment(token)}/accept`, acceptance),

  commitments: (consultationId: string) =>
    request<CommitmentDto[]>('GET', `/consultations/${segment(consultationId)}/commitments`),
  commitment: (id: string) => request<CommitmentDto>('GET', `/commitments/${segment(id)}`),
  setCommitmentLocked: (id: string, locked: boolean) =>
    request<CommitmentDto>('PATCH', `/commitments/${segment(id)}`, { locked }),

  threads: (commitmentId: string) =>
    request<CommentThreadDto[]>('GET', `/commitments/${segment(commitmentId)}/threads`),
  /** A thread on a passage (or on the whole draft when `anchor` is null); body in plain text. */
  createThread: (commitmentId: string, thread: { body: string; anchor: TextAnchor | null }) =>
    request<CommentThreadDto>('POST', `/commitments/${segment(commitmentId)}/threads`, thread),
  reply: (threadId: string, body: string) =>
    request<CommentDto>('POST', `/threads/${segment(threadId)}/comments`, { body }),
  hideComment: (commentId: string, reason: string) =>
    request<unknown>('POST', `/comments/${segment(commentId)}/hide`, { reason }),
  restoreComment: (commentId: string, reason: string) =>
    request<unknown>('POST', `/comments/${segment(commentId)}/restore`, { reason }),

  audit: (consultationId: string) =>
    request<AuditEntryDto[]>('GET', `/consultations/${segment(consultationId)}/audit`),
};
