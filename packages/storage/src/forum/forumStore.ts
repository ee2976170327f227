import type {
  Ballot,
  ForumContribution,
  ForumContributionHiding,
  ForumLiveState,
  ForumParticipant,
  ForumSession,
} from '@atelier/domain';

/**
 * Port: live forum sessions (issue 7). A session is its definition (title, agenda, join code)
 * plus its live state, stored as one JSON value with the state's version; participants (one
 * per user per session, one per guest token) and votes are records of their own, so that the
 * store itself holds the rules that must survive two tabs or two server processes: a join code
 * is unique among sessions that have not ended, and a participant votes once in a poll.
 *
 * Same conventions as the workspace stores: ids come from the caller, instants are
 * `Date#toISOString` strings, keys that are not non-empty strings reject with a TypeError.
 */
export interface StoredForumSession {
  readonly session: ForumSession;
  readonly state: ForumLiveState;
}

/** A join code already used by a session that has not ended. */
export class JoinCodeTakenError extends Error {
  constructor() {
    super('join code already used by a session that has not ended');
    this.name = 'JoinCodeTakenError';
  }
}

export interface NewForumParticipant extends ForumParticipant {
  /** SHA-256 (hex) of a guest's token; null for signed-in people. Never the token itself. */
  readonly guestTokenHash: string | null;
}

export interface StoredVote {
  readonly sessionId: string;
  readonly pollId: string;
  readonly participantId: string;
  readonly ballot: Ballot;
  readonly castAt: string;
}

export interface ForumStore {
  /** Rejects with JoinCodeTakenError when a session that has not ended has the same code. */
  createSession(session: ForumSession, state: ForumLiveState): Promise<void>;
  findSession(sessionId: string): Promise<StoredForumSession | null>;
  /** The session that has not ended with this code (codes are compared as given: upper case). */
  findOpenSessionByJoinCode(joinCode: string): Promise<StoredForumSession | null>;
  /** A consultation's sessions by scheduled time, then id. */
  listSessions(consultationId: string): Promise<StoredForumSession[]>;
  /**
   * Replaces the definition (not the id, consultation or creator). Rejects with
   * JoinCodeTakenError like createSession; false when there is no such session.
   */
  updateDefinition(session: ForumSession): Promise<boolean>;
  /**
   * Stores a newer live state: written only when `state.version` is greater than the stored
   * one (false otherwise, or when there is no such session), so a late write never overwrites
   * a newer state. Once the state is `ended` the join code is free for another session.
   */
  saveState(sessionId: string, state: ForumLiveState): Promise<boolean>;

  /**
   * Adds a participant, or returns the one already there for the same user in that session,
   * or for the same guest token hash (first join time and kind are kept: attendance).
   */
  addParticipant(participant: NewForumParticipant): Promise<ForumParticipant>;
  findParticipantByUser(sessionId: string, userId: string): Promise<ForumParticipant | null>;
  findParticipantByGuestTokenHash(tokenHash: string): Promise<ForumParticipant | null>;
  /** In the order they first joined. */
  listParticipants(sessionId: string): Promise<ForumParticipant[]>;

  /** Stores a vote unless the participant already voted in that poll (then false). */
  recordVote(vote: StoredVote): Promise<boolean>;
  /** Every vote of a session, in the order they were cast. */
  listVotes(sessionId: string): Promise<StoredVote[]>;

  /** Stores a new written contribution (not hidden yet: `hidden` must be null). */
  addContribution(contribution: ForumContribution): Promise<void>;
  /**
   * Hides a contribution of that session. False when there is none, or when it is already
   * hidden: the first hiding (its reason, who, when) is the one kept.
   */
  hideContribution(
    sessionId: string,
    contributionId: string,
    hiding: ForumContributionHiding,
  ): Promise<boolean>;
  /** Every contribution of a session, in the order they were written. */
  listContributions(sessionId: string): Promise<ForumContribution[]>;
}
