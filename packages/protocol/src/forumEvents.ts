import type {
  AgendaItem,
  Ballot,
  BreakoutStartInput,
  ForumFormat,
  ForumLiveState,
  ForumParticipant,
  ForumParticipantRole,
  ForumReactionKind,
  GuestPolicy,
  ParticipantKind,
  Poll,
  PollCreateInput,
} from '@atelier/domain';

/**
 * Live forum sessions (issue 7) over Socket.io, namespace {@link FORUM_NAMESPACE}. The server
 * holds the session state; clients send commands and render what the server broadcasts.
 *
 * Connecting: signed-in people connect with their session cookie; guests pass the token that
 * `POST /api/forum/join` returned as `auth: { guestToken }`. Then `forum:join` with the session
 * id; the ack carries the whole state, so a reconnecting screen resumes exactly where the room
 * is. Every command is answered by an ack, refused with a stable `code` when the sender may not
 * do it (a guest opening a poll → `forbidden`) or when it does not apply (`poll_not_open`...).
 */
export const FORUM_NAMESPACE = '/forum';

export const ForumEvent = {
  // Client → server (all with an ack of type ForumAck)
  Join: 'forum:join',
  Leave: 'forum:leave',
  Start: 'forum:start',
  Pause: 'forum:pause',
  Resume: 'forum:resume',
  End: 'forum:end',
  GoToItem: 'forum:agenda.goto',
  Spotlight: 'forum:spotlight',
  RaiseHand: 'forum:hand.raise',
  LowerHand: 'forum:hand.lower',
  GiveFloor: 'forum:hand.floor',
  CreatePoll: 'forum:poll.create',
  OpenPoll: 'forum:poll.open',
  ClosePoll: 'forum:poll.close',
  Vote: 'forum:vote',
  StartBreakout: 'forum:breakout.start',
  EndBreakout: 'forum:breakout.end',
  React: 'forum:react',
  /** A written contribution about the current item (ack: its id). */
  Contribute: 'forum:contribute',
  /** Facilitators: hide a contribution, with a reason (its trace stays). */
  HideContribution: 'forum:contribution.hide',
  // Server → client
  /** The live state changed (agenda, timers, spotlight, hands, polls' status, breakouts). */
  State: 'forum:state',
  /** A poll's tally changed; coalesced (at most one per poll every {@link RESULTS_COALESCE_MS}). */
  PollResults: 'forum:poll.results',
  /** Someone reacted; for the projector to show briefly. */
  Reaction: 'forum:reaction',
  /** Who is connected changed (counts, and the list for facilitators). */
  Attendance: 'forum:attendance',
  /** A contribution was written or hidden (stored first), as this screen may see it. */
  Contribution: 'forum:contribution',
} as const;

/** The snapshot carries the latest contributions only (with the total): a long session stays light. */
export const SNAPSHOT_CONTRIBUTIONS_MAX = 200;

/** Results of many votes arriving together are sent once per window, per poll. */
export const RESULTS_COALESCE_MS = 50;

/** Stable refusal codes of forum commands (acks) and of `POST /api/forum/join`. */
export const forumErrorCodes = [
  'invalid_payload',
  'unauthenticated',
  'forbidden',
  'not_found',
  'not_joined',
  'session_ended',
  'session_not_live',
  'invalid_join_code',
  'poll_not_open',
  'already_voted',
  'invalid_ballot',
  'too_many_polls',
  'rate_limited',
  'no_such_item',
  'breakout_running',
  'no_breakout',
  /** The server failed (storage); nothing was changed. Try again. */
  'internal_error',
] as const;
export type ForumErrorCode = (typeof forumErrorCodes)[number];

/** `T` is what a successful ack carries besides `ok` (nothing by default). */
export type ForumAck<T = Record<never, never>> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly code: ForumErrorCode; readonly message: string };

/** Tally of one poll. `voters` only when the poll is not anonymous. */
export interface PollResultsPayload {
  readonly sessionId: string;
  readonly pollId: string;
  /** How many participants have voted. */
  readonly voterCount: number;
  /**
   * Option id → votes (or dots). Null for people who may not see results yet (a poll with
   * results after closing, before it closes; facilitators always see them).
   */
  readonly totals: Readonly<Record<string, number>> | null;
  /** Named polls: option id → display names of who chose it (null otherwise or when hidden). */
  readonly voters: Readonly<Record<string, readonly string[]>> | null;
}

/** The whole session as one screen may see it. */
export interface ForumSnapshot {
  readonly session: ForumSessionDto;
  readonly state: ForumLiveState;
  /** The current results of every poll that is open or closed, as this screen may see them. */
  readonly results: readonly PollResultsPayload[];
  readonly attendance: AttendancePayload;
  readonly contributions: ContributionsPayload;
  /** Epoch ms on the server clock when the snapshot was sent: screens align their timers. */
  readonly serverNowMs: number;
}

export interface ForumSessionDto {
  readonly id: string;
  readonly consultationId: string;
  readonly title: string;
  readonly scheduledAt: string;
  readonly format: ForumFormat;
  readonly agenda: readonly AgendaItem[];
  /** Shown to facilitators and on the projector; null for other screens. */
  readonly joinCode: string | null;
  readonly guestPolicy: GuestPolicy;
  readonly minutesDocName: string;
  readonly status: ForumLiveState['status'];
}

export interface AttendancePayload {
  readonly sessionId: string;
  /** Participants with at least one connected screen. */
  readonly connectedCount: number;
  /** Everyone who joined at least once, by kind (for the record and participation figures). */
  readonly joinedByKind: Readonly<Record<ParticipantKind, number>>;
  /** Facilitators only (null for others): who joined, in order, and whether still connected. */
  readonly participants: readonly (ForumParticipant & { readonly connected: boolean })[] | null;
}

/**
 * A written contribution as a screen sees it. Hidden ones keep their author, time and the
 * reason; their text is for facilitators only (`body` null for everyone else).
 */
export interface ForumContributionDto {
  readonly id: string;
  readonly sessionId: string;
  readonly authorName: string;
  readonly authorKind: ParticipantKind;
  readonly authorRole: ForumParticipantRole;
  /** Plain text: render it as text, never as HTML. Null when hidden, except for facilitators. */
  readonly body: string | null;
  readonly agendaItemId: string | null;
  readonly agendaItemTitle: string | null;
  readonly commitmentId: string | null;
  readonly passageQuote: string | null;
  readonly createdAt: string;
  readonly hidden: {
    readonly reason: string;
    readonly hiddenAt: string;
    readonly hiddenByName: string;
  } | null;
}

/** The latest contributions, oldest first, and how many the session has in all. */
export interface ContributionsPayload {
  readonly items: readonly ForumContributionDto[];
  readonly total: number;
}

/** Server → client: one contribution, new or just hidden, and the session's new total. */
export interface ContributionPayload {
  readonly sessionId: string;
  readonly contribution: ForumContributionDto;
  readonly total: number;
}

export interface ForumStatePayload {
  readonly sessionId: string;
  readonly state: ForumLiveState;
  readonly serverNowMs: number;
}

export interface ForumReactionPayload {
  readonly sessionId: string;
  readonly kind: ForumReactionKind;
  readonly at: string;
}

export interface JoinedAck {
  readonly snapshot: ForumSnapshot;
  readonly you: {
    readonly participantId: string;
    readonly role: ForumParticipantRole;
    readonly displayName: string;
    /** Poll ids this participant has voted in (all their tabs). */
    readonly votedPollIds: readonly string[];
    /** Guests under an `observe` policy cannot comment; everyone can raise hands and react. */
    readonly mayComment: boolean;
  };
}

export interface SpotlightCommand {
  /** Null clears the spotlight. */
  readonly commitmentId: string | null;
  readonly passageQuote?: string | null;
}

type WithAck<Payload, Result = Record<never, never>> = (
  payload: Payload,
  ack: (result: ForumAck<Result>) => void,
) => void;

interface SessionRef {
  readonly sessionId: string;
}

export interface ForumClientToServerEvents {
  [ForumEvent.Join]: WithAck<SessionRef, JoinedAck>;
  [ForumEvent.Leave]: WithAck<SessionRef>;
  [ForumEvent.Start]: WithAck<SessionRef>;
  [ForumEvent.Pause]: WithAck<SessionRef>;
  [ForumEvent.Resume]: WithAck<SessionRef>;
  [ForumEvent.End]: WithAck<SessionRef>;
  [ForumEvent.GoToItem]: WithAck<SessionRef & { readonly itemIndex: number }>;
  [ForumEvent.Spotlight]: WithAck<SessionRef & SpotlightCommand>;
  [ForumEvent.RaiseHand]: WithAck<SessionRef & { readonly topic?: string | null }>;
  /** Own hand, or anyone's for facilitators. */
  [ForumEvent.LowerHand]: WithAck<SessionRef & { readonly participantId: string }>;
  /** Null takes the floor back. */
  [ForumEvent.GiveFloor]: WithAck<SessionRef & { readonly participantId: string | null }>;
  [ForumEvent.CreatePoll]: WithAck<
    SessionRef & { readonly poll: PollCreateInput },
    { readonly pollId: string }
  >;
  [ForumEvent.OpenPoll]: WithAck<SessionRef & { readonly pollId: string }>;
  [ForumEvent.ClosePoll]: WithAck<SessionRef & { readonly pollId: string }>;
  [ForumEvent.Vote]: WithAck<SessionRef & { readonly pollId: string; readonly ballot: Ballot }>;
  [ForumEvent.StartBreakout]: WithAck<SessionRef & { readonly breakout: BreakoutStartInput }>;
  [ForumEvent.EndBreakout]: WithAck<SessionRef>;
  [ForumEvent.React]: WithAck<SessionRef & { readonly kind: ForumReactionKind }>;
  /**
   * Only while the session is live or paused (`session_not_live`), not for guests who only
   * observe (`forbidden`). `withSpotlight` ties it to the commitment (and passage) spotlighted
   * at that moment on the server.
   */
  [ForumEvent.Contribute]: WithAck<
    SessionRef & { readonly body: string; readonly withSpotlight?: boolean },
    { readonly contributionId: string }
  >;
  [ForumEvent.HideContribution]: WithAck<
    SessionRef & { readonly contributionId: string; readonly reason: string }
  >;
}

export interface ForumServerToClientEvents {
  [ForumEvent.State]: (payload: ForumStatePayload) => void;
  [ForumEvent.PollResults]: (payload: PollResultsPayload) => void;
  [ForumEvent.Reaction]: (payload: ForumReactionPayload) => void;
  [ForumEvent.Attendance]: (payload: AttendancePayload) => void;
  [ForumEvent.Contribution]: (payload: ContributionPayload) => void;
}

/** Answer of `POST /api/forum/join` (by code): where to go, and a guest's socket token. */
export interface ForumJoinedDto {
  readonly sessionId: string;
  readonly consultationId: string;
  /** Only for guests: pass it as `auth.guestToken` when connecting; kept by the browser tab. */
  readonly guestToken: string | null;
}

/**
 * `GET /api/forum-sessions/{id}/record`: what a session leaves in the consultation's record
 * (attendance summary, every poll that opened with its results, the written contributions). Facilitators read it at
 * any time; anyone who may read the consultation once the session has ended.
 */
export interface ForumRecordDto {
  readonly session: ForumSessionDto;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly attendance: {
    /** Everyone who joined at least once. */
    readonly total: number;
    readonly joinedByKind: Readonly<Record<ParticipantKind, number>>;
    readonly joinedByRole: Readonly<Record<ForumParticipantRole, number>>;
  };
  readonly polls: readonly { readonly poll: Poll; readonly results: PollResultsPayload }[];
  /** Every written contribution, in order (hidden ones as their trace, except for facilitators). */
  readonly contributions: readonly ForumContributionDto[];
}
