import { expect } from 'vitest';
import type { z } from 'zod';
import type { ParticipantKind, forumSessionCreateSchema } from '@atelier/domain';
import type { ForumJoinedDto, ForumSessionDto } from '@atelier/protocol';
import { ApiClient } from '../../testing/apiClient';

/** A session as a test schedules it: on one fixed date unless it says otherwise. */
export type SessionRequest = Omit<z.input<typeof forumSessionCreateSchema>, 'scheduledAt'> & {
  readonly scheduledAt?: string;
};

const SCHEDULED_AT = '2026-03-01T09:00:00.000Z';

/** Schedules a session in a consultation through the REST API, as its facilitator would. */
export async function scheduleForumSession(
  facilitator: ApiClient,
  consultationId: string,
  request: SessionRequest,
): Promise<ForumSessionDto> {
  const response = await facilitator.post<ForumSessionDto>(
    `/api/consultations/${consultationId}/forum-sessions`,
    { scheduledAt: SCHEDULED_AT, ...request },
  );
  expect(response.status).toBe(201);
  return response.body;
}

export interface GuestJoin {
  /** Sent as given (a session's code is nullable in its DTO; the server judges it). */
  readonly code: string | null;
  readonly displayName: string;
  readonly participantKind?: ParticipantKind;
}

export interface JoinedGuest {
  /** The guest's own cookie jar: it holds the guest cookie the join set. */
  readonly api: ApiClient;
  /** What the guest's screens authenticate with on the `/forum` namespace. */
  readonly guestToken: string;
}

/** Joins a session by its code as someone without an account, as the join page does. */
export async function joinAsGuest(baseUrl: string, guest: GuestJoin): Promise<JoinedGuest> {
  const api = new ApiClient(baseUrl);
  const joined = await api.post<ForumJoinedDto>('/api/forum/join', {
    code: guest.code,
    displayName: guest.displayName,
    participantKind: guest.participantKind ?? 'civil_society',
  });
  expect(joined.status).toBe(200);
  return { api, guestToken: joined.body.guestToken! };
}
