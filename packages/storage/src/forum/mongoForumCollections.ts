import type { Collection, Db, IndexDescription } from 'mongodb';
import type {
  Ballot,
  ForumContributionHiding,
  ForumLiveState,
  ForumParticipantRole,
  ForumSession,
  ParticipantKind,
} from '@atelier/domain';
import { DURABLE_WRITE_CONCERN } from '../mongodb/mongoCollections';

/** A session: its definition and live state as stored values, keyed by the session id. */
export interface ForumSessionRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly scheduledAt: string;
  /** The join code while the session has not ended; absent afterwards (see the index). */
  readonly activeJoinCode?: string;
  readonly definition: ForumSession;
  readonly state: ForumLiveState;
  readonly stateVersion: number;
}

export interface ForumParticipantRecord {
  readonly _id: string;
  readonly sessionId: string;
  readonly role: ForumParticipantRole;
  /** Absent for guests (the partial unique index only sees users). */
  readonly userId?: string;
  /** Absent for users. */
  readonly guestTokenHash?: string;
  readonly displayName: string;
  readonly participantKind: ParticipantKind;
  readonly joinedAt: string;
}

export interface ForumVoteRecord {
  readonly sessionId: string;
  readonly pollId: string;
  readonly participantId: string;
  readonly ballot: Ballot;
  readonly castAt: string;
}

/** A written contribution, keyed by its id; `hidden` is set once (see hideContribution). */
export interface ForumContributionRecord {
  readonly _id: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly body: string;
  readonly agendaItemId: string | null;
  readonly agendaItemTitle: string | null;
  readonly commitmentId: string | null;
  readonly passageQuote: string | null;
  readonly createdAt: string;
  readonly hidden: ForumContributionHiding | null;
}

export interface ForumCollections {
  readonly sessions: Collection<ForumSessionRecord>;
  readonly participants: Collection<ForumParticipantRecord>;
  readonly votes: Collection<ForumVoteRecord>;
  readonly contributions: Collection<ForumContributionRecord>;
}

export const FORUM_COLLECTION_NAMES = {
  sessions: 'forum_sessions',
  participants: 'forum_participants',
  votes: 'forum_votes',
  contributions: 'forum_contributions',
} as const satisfies Record<keyof ForumCollections, string>;

export function forumCollections(db: Db): ForumCollections {
  const options = { writeConcern: DURABLE_WRITE_CONCERN };
  return {
    sessions: db.collection<ForumSessionRecord>(FORUM_COLLECTION_NAMES.sessions, options),
    participants: db.collection<ForumParticipantRecord>(
      FORUM_COLLECTION_NAMES.participants,
      options,
    ),
    votes: db.collection<ForumVoteRecord>(FORUM_COLLECTION_NAMES.votes, options),
    contributions: db.collection<ForumContributionRecord>(
      FORUM_COLLECTION_NAMES.contributions,
      options,
    ),
  };
}

export const FORUM_JOIN_CODE_INDEX = 'forum_sessions_active_join_code_unique';
export const FORUM_VOTE_INDEX = 'forum_votes_poll_participant_unique';

/**
 * The unique indexes carry the port's rules: partial indexes on fields that exist only while
 * they apply (a join code until the session ends, a user id or a guest token hash).
 */
const FORUM_INDEXES: Record<keyof ForumCollections, IndexDescription[]> = {
  sessions: [
    {
      key: { activeJoinCode: 1 },
      name: FORUM_JOIN_CODE_INDEX,
      unique: true,
      partialFilterExpression: { activeJoinCode: { $type: 'string' } },
    },
    { key: { consultationId: 1, scheduledAt: 1, _id: 1 }, name: 'forum_sessions_consultation' },
  ],
  participants: [
    {
      key: { sessionId: 1, userId: 1 },
      name: 'forum_participants_session_user_unique',
      unique: true,
      partialFilterExpression: { userId: { $type: 'string' } },
    },
    {
      key: { guestTokenHash: 1 },
      name: 'forum_participants_guest_token_unique',
      unique: true,
      partialFilterExpression: { guestTokenHash: { $type: 'string' } },
    },
    { key: { sessionId: 1, joinedAt: 1, _id: 1 }, name: 'forum_participants_session' },
  ],
  votes: [
    { key: { pollId: 1, participantId: 1 }, name: FORUM_VOTE_INDEX, unique: true },
    { key: { sessionId: 1, castAt: 1, _id: 1 }, name: 'forum_votes_session' },
  ],
  contributions: [
    { key: { sessionId: 1, createdAt: 1, _id: 1 }, name: 'forum_contributions_session' },
  ],
};

export async function createForumIndexes(collections: ForumCollections): Promise<void> {
  await Promise.all(
    (Object.keys(FORUM_INDEXES) as (keyof ForumCollections)[]).map((name) =>
      collections[name].createIndexes(FORUM_INDEXES[name]),
    ),
  );
}
