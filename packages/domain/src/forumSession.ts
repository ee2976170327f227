import { z } from 'zod';

import { participantKinds, type ParticipantKind } from './commentCounts';

/**
 * A live forum session (issue 7): a facilitated meeting of a consultation — in a room, online
 * or both — that works through an agenda of draft commitments. The session's definition
 * (title, agenda, join code) is edited beforehand; its live state (agenda position, timer,
 * spotlight, hands, polls, breakouts) is held by the server, persisted on every change, and
 * broadcast to every screen. Instants are ISO-8601 UTC strings in records; timers carry epoch
 * milliseconds of the server clock so that every screen counts down from the same origin.
 */
export const forumFormats = ['online', 'in_person', 'hybrid'] as const;
export type ForumFormat = (typeof forumFormats)[number];

/** What people who join by code without an account (guests) may do. */
export const guestPolicies = ['observe', 'comment'] as const;
export type GuestPolicy = (typeof guestPolicies)[number];

export const forumStatuses = ['scheduled', 'live', 'paused', 'ended'] as const;
export type ForumStatus = (typeof forumStatuses)[number];

export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly durationMinutes: number;
  /** The commitment discussed; null for a free item (welcome, break, wrap-up). */
  readonly commitmentId: string | null;
}

export interface ForumSession {
  readonly id: string;
  readonly consultationId: string;
  readonly title: string;
  /** When it is planned to start. */
  readonly scheduledAt: string;
  readonly format: ForumFormat;
  readonly agenda: readonly AgendaItem[];
  /**
   * Short code typed by people in the room (or read from the QR code): unique among sessions
   * that have not ended, unambiguous characters only (see {@link JOIN_CODE_ALPHABET}).
   */
  readonly joinCode: string;
  readonly guestPolicy: GuestPolicy;
  /** The Yjs document of the session's minutes (co-edited like a draft, kept in the record). */
  readonly minutesDocName: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** No 0/O, 1/I/L: codes are read aloud and copied from a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/**
 * How a participant is in the session. `facilitator`: a facilitator (or admin) of the
 * consultation, runs the console. `member`: a member of the consultation. `signed_in`: a
 * signed-in person from outside the consultation, joined by code. `guest`: no account, joined
 * by code with a display name and an organisation kind; exists only within the session.
 */
export const forumParticipantRoles = ['facilitator', 'member', 'signed_in', 'guest'] as const;
export type ForumParticipantRole = (typeof forumParticipantRoles)[number];

export interface ForumParticipant {
  /** Stable within the session: one per user (all their tabs), one per guest token. */
  readonly id: string;
  readonly sessionId: string;
  readonly role: ForumParticipantRole;
  /** Null for guests. */
  readonly userId: string | null;
  readonly displayName: string;
  /** Organisation kind, or `citizen` for a person without an organisation. */
  readonly participantKind: ParticipantKind;
  /** First join (attendance). */
  readonly joinedAt: string;
}

/** A countdown on the server clock: running when `startedAtMs` is set, paused otherwise. */
export interface ForumTimer {
  readonly durationMs: number;
  /** Epoch ms (server clock) when it last started running; null while paused or not started. */
  readonly startedAtMs: number | null;
  /** Time already spent before the last start (accumulated over pauses). */
  readonly elapsedBeforeMs: number;
}

/** Where the facilitator brings everybody: a commitment's draft, optionally one passage of it. */
export interface Spotlight {
  readonly commitmentId: string;
  /** The passage's text as quoted when spotlighted; participants' screens search for it. */
  readonly passageQuote: string | null;
  readonly setAt: string;
}

export interface RaisedHand {
  readonly participantId: string;
  readonly topic: string | null;
  readonly raisedAt: string;
}

export const pollKinds = ['single', 'multiple', 'scale', 'dots'] as const;
export type PollKind = (typeof pollKinds)[number];

/** `live`: everyone sees results while voting; `after_close`: only facilitators until closed. */
export const pollResultVisibilities = ['live', 'after_close'] as const;
export type PollResultVisibility = (typeof pollResultVisibilities)[number];

export const pollStatuses = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

export interface PollOption {
  readonly id: string;
  readonly label: string;
  /** Dot-voting across commitments: the commitment this option stands for. */
  readonly commitmentId: string | null;
}

export interface Poll {
  readonly id: string;
  readonly question: string;
  readonly kind: PollKind;
  /** For `scale`, five options labelled 1 to 5 are generated by the server. */
  readonly options: readonly PollOption[];
  /** `dots`: how many dots each participant spreads (several may go on one option). */
  readonly dotsPerParticipant: number | null;
  readonly resultVisibility: PollResultVisibility;
  readonly anonymous: boolean;
  readonly status: PollStatus;
  readonly createdAt: string;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

/**
 * One participant's vote. `single` and `scale`: exactly one option id; `multiple`: one or
 * more distinct option ids; `dots`: option id → dots, summing to at most the poll's dots.
 */
export type Ballot =
  | { readonly kind: 'choice'; readonly optionIds: readonly string[] }
  | { readonly kind: 'dots'; readonly dots: Readonly<Record<string, number>> };

export const breakoutStrategies = ['manual', 'random', 'organisation_mix'] as const;
export type BreakoutStrategy = (typeof breakoutStrategies)[number];

export interface BreakoutGroup {
  readonly id: string;
  readonly name: string;
  readonly commitmentId: string;
  readonly participantIds: readonly string[];
}

export interface Breakout {
  readonly strategy: BreakoutStrategy;
  readonly groups: readonly BreakoutGroup[];
  readonly timer: ForumTimer;
  readonly startedAt: string;
}

export const forumReactionKinds = ['agree', 'question', 'slow_down'] as const;
export type ForumReactionKind = (typeof forumReactionKinds)[number];

/** Everything the server holds about a running session besides votes and participants. */
export interface ForumLiveState {
  readonly status: ForumStatus;
  /** Increases by one on every change: clients drop snapshots older than the one they hold. */
  readonly version: number;
  /** Index into the agenda; null before the first item. */
  readonly currentItemIndex: number | null;
  /** The current agenda item's countdown. */
  readonly itemTimer: ForumTimer | null;
  readonly spotlight: Spotlight | null;
  /** In the order hands were raised. */
  readonly hands: readonly RaisedHand[];
  /** Who has the floor (given by the facilitator), if anyone. */
  readonly floorParticipantId: string | null;
  readonly polls: readonly Poll[];
  readonly breakout: Breakout | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
}

/** Remaining time of a timer at `nowMs` on the server clock (never negative). */
export function timerRemainingMs(timer: ForumTimer, nowMs: number): number {
  const running = timer.startedAtMs === null ? 0 : Math.max(0, nowMs - timer.startedAtMs);
  return Math.max(0, timer.durationMs - timer.elapsedBeforeMs - running);
}

// ---- Inputs (validated on the server; the console uses the same schemas) ----

export const FORUM_LIMITS = {
  titleMax: 200,
  agendaItemsMax: 50,
  itemMinutesMax: 480,
  pollOptionsMax: 20,
  pollQuestionMax: 300,
  optionLabelMax: 200,
  dotsMax: 20,
  handTopicMax: 200,
  /** A written contribution: a few sentences, shorter than a comment (see commentLimits). */
  contributionMax: 2000,
  /** Why a facilitator hid a contribution. */
  hideReasonMax: 500,
  guestNameMax: 80,
  breakoutGroupsMax: 20,
  /** Polls per session, draft ones included. */
  pollsMax: 100,
} as const;

const agendaItemInputSchema = z.object({
  title: z.string().trim().min(1).max(FORUM_LIMITS.titleMax),
  durationMinutes: z.number().int().min(1).max(FORUM_LIMITS.itemMinutesMax),
  commitmentId: z.string().min(1).nullable().default(null),
});

const forumSessionFields = {
  title: z.string().trim().min(1).max(FORUM_LIMITS.titleMax),
  scheduledAt: z.iso.datetime({ offset: true }),
  format: z.enum(forumFormats),
  agenda: z.array(agendaItemInputSchema).max(FORUM_LIMITS.agendaItemsMax),
  guestPolicy: z.enum(guestPolicies),
};

export const forumSessionCreateSchema = z.object({
  ...forumSessionFields,
  agenda: forumSessionFields.agenda.default([]),
  guestPolicy: forumSessionFields.guestPolicy.default('observe'),
});
export type ForumSessionCreateInput = z.infer<typeof forumSessionCreateSchema>;

/**
 * Only what is sent changes: built from the fields without their creation defaults, which zod
 * would otherwise apply to a missing field (a PATCH of the title would empty the agenda).
 */
export const forumSessionUpdateSchema = z.object(forumSessionFields).partial();
export type ForumSessionUpdateInput = z.infer<typeof forumSessionUpdateSchema>;

export const guestJoinSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .length(JOIN_CODE_LENGTH)
    .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`)),
  /** Required for guests; ignored for signed-in people (their account's name is used). */
  displayName: z.string().trim().min(1).max(FORUM_LIMITS.guestNameMax).optional(),
  participantKind: z.enum(participantKinds).optional(),
});
export type GuestJoinInput = z.infer<typeof guestJoinSchema>;

export const pollCreateSchema = z.object({
  question: z.string().trim().min(1).max(FORUM_LIMITS.pollQuestionMax),
  kind: z.enum(pollKinds),
  /** Ignored for `scale`. For `dots` across commitments, give each option its commitmentId. */
  options: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(FORUM_LIMITS.optionLabelMax),
        commitmentId: z.string().min(1).nullable().default(null),
      }),
    )
    .max(FORUM_LIMITS.pollOptionsMax)
    .default([]),
  dotsPerParticipant: z.number().int().min(1).max(FORUM_LIMITS.dotsMax).nullable().default(null),
  resultVisibility: z.enum(pollResultVisibilities).default('live'),
  anonymous: z.boolean().default(true),
});
export type PollCreateInput = z.infer<typeof pollCreateSchema>;

export const ballotSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    optionIds: z.array(z.string().min(1)).min(1).max(FORUM_LIMITS.pollOptionsMax),
  }),
  z.object({
    kind: z.literal('dots'),
    dots: z.record(z.string().min(1), z.number().int().min(1).max(FORUM_LIMITS.dotsMax)),
  }),
]);

export const breakoutStartSchema = z.object({
  strategy: z.enum(breakoutStrategies),
  /** One group per commitment listed, in that order. */
  commitmentIds: z.array(z.string().min(1)).min(1).max(FORUM_LIMITS.breakoutGroupsMax),
  durationMinutes: z.number().int().min(1).max(FORUM_LIMITS.itemMinutesMax),
  /** `manual` only: participant id → index into `commitmentIds`. */
  assignments: z.record(z.string().min(1), z.number().int().min(0)).optional(),
});
export type BreakoutStartInput = z.infer<typeof breakoutStartSchema>;
