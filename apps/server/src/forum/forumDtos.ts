import { z } from 'zod';
import {
  forumFormats,
  forumParticipantRoles,
  forumStatuses,
  guestPolicies,
  participantKinds,
  pollKinds,
  pollResultVisibilities,
  pollStatuses,
  type ForumLiveState,
  type ForumSession,
} from '@atelier/domain';
import type { ForumJoinedDto, ForumRecordDto, ForumSessionDto } from '@atelier/protocol';

/**
 * The forum's REST answers as zod schemas, for the OpenAPI document and the response checks;
 * each is tied to the protocol's interface so the two cannot drift apart.
 */
const agendaItemDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  durationMinutes: z.number().int(),
  commitmentId: z.string().nullable(),
});

export const forumSessionDtoSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  title: z.string(),
  scheduledAt: z.string(),
  format: z.enum(forumFormats),
  agenda: z.array(agendaItemDtoSchema),
  joinCode: z.string().nullable(),
  guestPolicy: z.enum(guestPolicies),
  minutesDocName: z.string(),
  status: z.enum(forumStatuses),
}) satisfies z.ZodType<ForumSessionDto>;

export const forumJoinedDtoSchema = z.object({
  sessionId: z.string(),
  consultationId: z.string(),
  guestToken: z.string().nullable(),
}) satisfies z.ZodType<ForumJoinedDto>;

const countsByKindSchema = z.object(
  Object.fromEntries(participantKinds.map((kind) => [kind, z.number().int()])) as Record<
    (typeof participantKinds)[number],
    z.ZodNumber
  >,
);
const countsByRoleSchema = z.object(
  Object.fromEntries(forumParticipantRoles.map((role) => [role, z.number().int()])) as Record<
    (typeof forumParticipantRoles)[number],
    z.ZodNumber
  >,
);

const pollDtoSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.enum(pollKinds),
  options: z.array(
    z.object({ id: z.string(), label: z.string(), commitmentId: z.string().nullable() }),
  ),
  dotsPerParticipant: z.number().int().nullable(),
  resultVisibility: z.enum(pollResultVisibilities),
  anonymous: z.boolean(),
  status: z.enum(pollStatuses),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

const contributionDtoSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  authorName: z.string(),
  authorKind: z.enum(participantKinds),
  authorRole: z.enum(forumParticipantRoles),
  body: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  agendaItemTitle: z.string().nullable(),
  commitmentId: z.string().nullable(),
  passageQuote: z.string().nullable(),
  createdAt: z.string(),
  hidden: z
    .object({ reason: z.string(), hiddenAt: z.string(), hiddenByName: z.string() })
    .nullable(),
});

export const forumRecordDtoSchema = z.object({
  session: forumSessionDtoSchema,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  attendance: z.object({
    total: z.number().int(),
    joinedByKind: countsByKindSchema,
    joinedByRole: countsByRoleSchema,
  }),
  polls: z.array(
    z.object({
      poll: pollDtoSchema,
      results: z.object({
        sessionId: z.string(),
        pollId: z.string(),
        voterCount: z.number().int(),
        totals: z.record(z.string(), z.number()).nullable(),
        voters: z.record(z.string(), z.array(z.string())).nullable(),
      }),
    }),
  ),
  contributions: z.array(contributionDtoSchema),
}) satisfies z.ZodType<ForumRecordDto>;

/** The join code is for the people who run the room (and its projector) only. */
export function toForumSessionDto(
  session: ForumSession,
  state: ForumLiveState,
  showJoinCode: boolean,
): ForumSessionDto {
  return {
    id: session.id,
    consultationId: session.consultationId,
    title: session.title,
    scheduledAt: session.scheduledAt,
    format: session.format,
    agenda: session.agenda.map((item) => ({ ...item })),
    joinCode: showJoinCode ? session.joinCode : null,
    guestPolicy: session.guestPolicy,
    minutesDocName: session.minutesDocName,
    status: state.status,
  };
}
