import type {
  ForumContribution,
  ForumContributionHiding,
  ForumLiveState,
  ForumParticipant,
  ForumSession,
} from '@atelier/domain';
import { isDuplicateKeyError } from '../mongodb/isDuplicateKeyError';
import type { ConnectionState } from '../mongodb/workspace/connectionState';
import { assertKey } from '../workspace/argumentGuards';
import {
  JoinCodeTakenError,
  type ForumStore,
  type NewForumParticipant,
  type StoredForumSession,
  type StoredVote,
} from './forumStore';
import {
  FORUM_JOIN_CODE_INDEX,
  type ForumCollections,
  type ForumContributionRecord,
  type ForumParticipantRecord,
  type ForumSessionRecord,
} from './mongoForumCollections';
import {
  assertContribution,
  assertForumSession,
  assertHiding,
  assertLiveState,
  assertNewParticipant,
  assertVote,
} from './validateForumRecords';

/**
 * The forum store on MongoDB. Every operation is one single-document write, arbitrated by the
 * unique indexes (see mongoForumCollections), so it needs no transaction and no replica set.
 */
export class MongoForumStore implements ForumStore {
  constructor(
    private readonly collections: ForumCollections,
    private readonly connection: ConnectionState,
  ) {}

  async createSession(session: ForumSession, state: ForumLiveState): Promise<void> {
    this.connection.assertOpen();
    assertForumSession(session);
    assertLiveState(state);
    await withJoinCodeConstraint(() =>
      this.collections.sessions.insertOne({
        _id: session.id,
        consultationId: session.consultationId,
        scheduledAt: session.scheduledAt,
        ...(state.status === 'ended' ? {} : { activeJoinCode: session.joinCode }),
        definition: session,
        state,
        stateVersion: state.version,
      }),
    );
  }

  async findSession(sessionId: string): Promise<StoredForumSession | null> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    const record = await this.collections.sessions.findOne({ _id: sessionId });
    return record ? sessionFromRecord(record) : null;
  }

  async findOpenSessionByJoinCode(joinCode: string): Promise<StoredForumSession | null> {
    this.connection.assertOpen();
    assertKey(joinCode, 'joinCode');
    const record = await this.collections.sessions.findOne({ activeJoinCode: joinCode });
    return record ? sessionFromRecord(record) : null;
  }

  async listSessions(consultationId: string): Promise<StoredForumSession[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const records = await this.collections.sessions
      .find({ consultationId })
      .sort({ scheduledAt: 1, _id: 1 })
      .toArray();
    return records.map(sessionFromRecord);
  }

  async updateDefinition(session: ForumSession): Promise<boolean> {
    this.connection.assertOpen();
    assertForumSession(session);
    const stored = await this.collections.sessions.findOne({ _id: session.id });
    if (!stored) return false;
    const previous = stored.definition;
    const definition: ForumSession = {
      ...session,
      consultationId: previous.consultationId,
      createdBy: previous.createdBy,
      createdAt: previous.createdAt,
      minutesDocName: previous.minutesDocName,
    };
    const result = await withJoinCodeConstraint(() =>
      this.collections.sessions.updateOne(
        { _id: session.id },
        {
          $set: {
            scheduledAt: definition.scheduledAt,
            definition,
            // The code stays reserved only while the session has not ended.
            ...(stored.activeJoinCode !== undefined ? { activeJoinCode: definition.joinCode } : {}),
          },
        },
      ),
    );
    return result.matchedCount > 0;
  }

  async saveState(sessionId: string, state: ForumLiveState): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    assertLiveState(state);
    const result = await this.collections.sessions.updateOne(
      { _id: sessionId, stateVersion: { $lt: state.version } },
      {
        $set: { state, stateVersion: state.version },
        ...(state.status === 'ended' ? { $unset: { activeJoinCode: '' } } : {}),
      },
    );
    return result.modifiedCount > 0;
  }

  async addParticipant(participant: NewForumParticipant): Promise<ForumParticipant> {
    this.connection.assertOpen();
    assertNewParticipant(participant);
    const record: ForumParticipantRecord = {
      _id: participant.id,
      sessionId: participant.sessionId,
      role: participant.role,
      ...(participant.userId !== null ? { userId: participant.userId } : {}),
      ...(participant.guestTokenHash !== null
        ? { guestTokenHash: participant.guestTokenHash }
        : {}),
      displayName: participant.displayName,
      participantKind: participant.participantKind,
      joinedAt: participant.joinedAt,
    };
    try {
      await this.collections.participants.insertOne(record);
      return participantFromRecord(record);
    } catch (error) {
      // Someone else (another tab, another process) added the same person first: keep theirs.
      if (!isDuplicateKeyError(error)) throw error;
      const existing =
        participant.userId !== null
          ? await this.findParticipantByUser(participant.sessionId, participant.userId)
          : await this.findParticipantByGuestTokenHash(participant.guestTokenHash!);
      if (!existing) throw error;
      return existing;
    }
  }

  async findParticipantByUser(sessionId: string, userId: string): Promise<ForumParticipant | null> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    assertKey(userId, 'userId');
    const record = await this.collections.participants.findOne({ sessionId, userId });
    return record ? participantFromRecord(record) : null;
  }

  async findParticipantByGuestTokenHash(tokenHash: string): Promise<ForumParticipant | null> {
    this.connection.assertOpen();
    assertKey(tokenHash, 'tokenHash');
    const record = await this.collections.participants.findOne({ guestTokenHash: tokenHash });
    return record ? participantFromRecord(record) : null;
  }

  async listParticipants(sessionId: string): Promise<ForumParticipant[]> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    const records = await this.collections.participants
      .find({ sessionId })
      .sort({ joinedAt: 1, _id: 1 })
      .toArray();
    return records.map(participantFromRecord);
  }

  async recordVote(vote: StoredVote): Promise<boolean> {
    this.connection.assertOpen();
    assertVote(vote);
    try {
      await this.collections.votes.insertOne({
        sessionId: vote.sessionId,
        pollId: vote.pollId,
        participantId: vote.participantId,
        ballot: vote.ballot,
        castAt: vote.castAt,
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async listVotes(sessionId: string): Promise<StoredVote[]> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    const records = await this.collections.votes
      .find({ sessionId }, { projection: { _id: 0 } })
      .sort({ castAt: 1, _id: 1 })
      .toArray();
    return records.map((record) => ({
      sessionId: record.sessionId,
      pollId: record.pollId,
      participantId: record.participantId,
      ballot: record.ballot,
      castAt: record.castAt,
    }));
  }

  async addContribution(contribution: ForumContribution): Promise<void> {
    this.connection.assertOpen();
    assertContribution(contribution);
    // Field by field: nothing the caller added besides the port's fields reaches the database.
    await this.collections.contributions.insertOne({
      _id: contribution.id,
      sessionId: contribution.sessionId,
      participantId: contribution.participantId,
      body: contribution.body,
      agendaItemId: contribution.agendaItemId,
      agendaItemTitle: contribution.agendaItemTitle,
      commitmentId: contribution.commitmentId,
      passageQuote: contribution.passageQuote,
      createdAt: contribution.createdAt,
      hidden: null,
    });
  }

  async hideContribution(
    sessionId: string,
    contributionId: string,
    hiding: ForumContributionHiding,
  ): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    assertKey(contributionId, 'contributionId');
    assertHiding(hiding);
    // One conditional write: of two facilitators hiding at once, the first one's reason stays.
    const result = await this.collections.contributions.updateOne(
      { _id: contributionId, sessionId, hidden: null },
      {
        $set: {
          hidden: {
            reason: hiding.reason,
            hiddenByParticipantId: hiding.hiddenByParticipantId,
            hiddenAt: hiding.hiddenAt,
          },
        },
      },
    );
    return result.modifiedCount > 0;
  }

  async listContributions(sessionId: string): Promise<ForumContribution[]> {
    this.connection.assertOpen();
    assertKey(sessionId, 'sessionId');
    const records = await this.collections.contributions
      .find({ sessionId })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return records.map(contributionFromRecord);
  }
}

function contributionFromRecord(record: ForumContributionRecord): ForumContribution {
  return {
    id: record._id,
    sessionId: record.sessionId,
    participantId: record.participantId,
    body: record.body,
    agendaItemId: record.agendaItemId,
    agendaItemTitle: record.agendaItemTitle,
    commitmentId: record.commitmentId,
    passageQuote: record.passageQuote,
    createdAt: record.createdAt,
    hidden: record.hidden,
  };
}

function sessionFromRecord(record: ForumSessionRecord): StoredForumSession {
  return { session: record.definition, state: record.state };
}

function participantFromRecord(record: ForumParticipantRecord): ForumParticipant {
  return {
    id: record._id,
    sessionId: record.sessionId,
    role: record.role,
    userId: record.userId ?? null,
    displayName: record.displayName,
    participantKind: record.participantKind,
    joinedAt: record.joinedAt,
  };
}

async function withJoinCodeConstraint<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error) && (error as Error).message.includes(FORUM_JOIN_CODE_INDEX))
      throw new JoinCodeTakenError();
    throw error;
  }
}
