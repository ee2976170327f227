import type { Database, Statement } from 'better-sqlite3';
import type {
  Ballot,
  ForumContribution,
  ForumContributionHiding,
  ForumLiveState,
  ForumParticipant,
  ForumSession,
} from '@atelier/domain';
import { assertKey } from '../workspace/argumentGuards';
import { fromJsonColumn, toJsonColumn } from '../sqlite/workspace/jsonColumn';
import {
  JoinCodeTakenError,
  type ForumStore,
  type NewForumParticipant,
  type StoredForumSession,
  type StoredVote,
} from './forumStore';
import {
  assertContribution,
  assertForumSession,
  assertHiding,
  assertLiveState,
  assertNewParticipant,
  assertVote,
} from './validateForumRecords';

interface SessionRow {
  readonly definition_json: string;
  readonly state_json: string;
}

interface ParticipantRow {
  readonly id: string;
  readonly session_id: string;
  readonly role: ForumParticipant['role'];
  readonly user_id: string | null;
  readonly display_name: string;
  readonly participant_kind: ForumParticipant['participantKind'];
  readonly joined_at: string;
}

interface VoteRow {
  readonly poll_id: string;
  readonly participant_id: string;
  readonly session_id: string;
  readonly ballot_json: string;
  readonly cast_at: string;
}

interface ContributionRow {
  readonly id: string;
  readonly session_id: string;
  readonly participant_id: string;
  readonly body: string;
  readonly agenda_item_id: string | null;
  readonly agenda_item_title: string | null;
  readonly commitment_id: string | null;
  readonly passage_quote: string | null;
  readonly created_at: string;
  readonly hidden_reason: string | null;
  readonly hidden_by: string | null;
  readonly hidden_at: string | null;
}

/**
 * The forum store on the shared, migrated SQLite handle. better-sqlite3 is synchronous: each
 * method has finished its write when it returns, `async` only turns failures into rejections.
 */
export class SqliteForumStore implements ForumStore {
  private readonly insertSession: Statement;
  private readonly selectSession: Statement<[string], SessionRow>;
  private readonly selectByCode: Statement<[string], SessionRow>;
  private readonly selectByConsultation: Statement<[string], SessionRow>;
  private readonly updateDefinitionRow: Statement;
  private readonly updateStateRow: Statement;
  private readonly insertParticipant: Statement;
  private readonly selectParticipantByUser: Statement<[string, string], ParticipantRow>;
  private readonly selectParticipantByToken: Statement<[string], ParticipantRow>;
  private readonly selectParticipants: Statement<[string], ParticipantRow>;
  private readonly insertVote: Statement;
  private readonly selectVotes: Statement<[string], VoteRow>;
  private readonly insertContribution: Statement;
  private readonly hideContributionRow: Statement;
  private readonly selectContributions: Statement<[string], ContributionRow>;

  constructor(private readonly db: Database) {
    this.insertSession = db.prepare(`
      INSERT INTO forum_sessions (id, consultation_id, scheduled_at, active_join_code,
        definition_json, state_json, state_version)
      VALUES (@id, @consultation_id, @scheduled_at, @active_join_code, @definition_json,
        @state_json, @state_version)
    `);
    this.selectSession = db.prepare(
      'SELECT definition_json, state_json FROM forum_sessions WHERE id = ?',
    );
    this.selectByCode = db.prepare(
      'SELECT definition_json, state_json FROM forum_sessions WHERE active_join_code = ?',
    );
    this.selectByConsultation = db.prepare(`
      SELECT definition_json, state_json FROM forum_sessions WHERE consultation_id = ?
      ORDER BY scheduled_at, id
    `);
    // The join code stays reserved while the session has not ended.
    this.updateDefinitionRow = db.prepare(`
      UPDATE forum_sessions SET scheduled_at = @scheduled_at, definition_json = @definition_json,
        active_join_code = CASE WHEN active_join_code IS NULL THEN NULL ELSE @join_code END
      WHERE id = @id
    `);
    this.updateStateRow = db.prepare(`
      UPDATE forum_sessions SET state_json = @state_json, state_version = @state_version,
        active_join_code = CASE WHEN @ended = 1 THEN NULL ELSE active_join_code END
      WHERE id = @id AND state_version < @state_version
    `);
    this.insertParticipant = db.prepare(`
      INSERT INTO forum_participants (id, session_id, role, user_id, guest_token_hash,
        display_name, participant_kind, joined_at, seq)
      VALUES (@id, @session_id, @role, @user_id, @guest_token_hash, @display_name,
        @participant_kind, @joined_at,
        (SELECT COALESCE(MAX(seq), 0) + 1 FROM forum_participants WHERE session_id = @session_id))
      ON CONFLICT DO NOTHING
    `);
    this.selectParticipantByUser = db.prepare(
      'SELECT * FROM forum_participants WHERE session_id = ? AND user_id = ?',
    );
    this.selectParticipantByToken = db.prepare(
      'SELECT * FROM forum_participants WHERE guest_token_hash = ?',
    );
    this.selectParticipants = db.prepare(
      'SELECT * FROM forum_participants WHERE session_id = ? ORDER BY seq',
    );
    this.insertVote = db.prepare(`
      INSERT INTO forum_votes (poll_id, participant_id, session_id, ballot_json, cast_at, seq)
      VALUES (@poll_id, @participant_id, @session_id, @ballot_json, @cast_at,
        (SELECT COALESCE(MAX(seq), 0) + 1 FROM forum_votes WHERE session_id = @session_id))
      ON CONFLICT (poll_id, participant_id) DO NOTHING
    `);
    this.selectVotes = db.prepare('SELECT * FROM forum_votes WHERE session_id = ? ORDER BY seq');
    this.insertContribution = db.prepare(`
      INSERT INTO forum_contributions (id, session_id, participant_id, body, agenda_item_id,
        agenda_item_title, commitment_id, passage_quote, created_at, seq)
      VALUES (@id, @session_id, @participant_id, @body, @agenda_item_id, @agenda_item_title,
        @commitment_id, @passage_quote, @created_at,
        (SELECT COALESCE(MAX(seq), 0) + 1 FROM forum_contributions WHERE session_id = @session_id))
    `);
    this.hideContributionRow = db.prepare(`
      UPDATE forum_contributions SET hidden_reason = @reason, hidden_by = @hidden_by,
        hidden_at = @hidden_at
      WHERE id = @id AND session_id = @session_id AND hidden_at IS NULL
    `);
    this.selectContributions = db.prepare(
      'SELECT * FROM forum_contributions WHERE session_id = ? ORDER BY seq',
    );
  }

  async createSession(session: ForumSession, state: ForumLiveState): Promise<void> {
    assertForumSession(session);
    assertLiveState(state);
    withJoinCodeConstraint(() =>
      this.insertSession.run({
        id: session.id,
        consultation_id: session.consultationId,
        scheduled_at: session.scheduledAt,
        active_join_code: state.status === 'ended' ? null : session.joinCode,
        definition_json: toJsonColumn(session),
        state_json: toJsonColumn(state),
        state_version: state.version,
      }),
    );
  }

  async findSession(sessionId: string): Promise<StoredForumSession | null> {
    assertKey(sessionId, 'sessionId');
    const row = this.selectSession.get(sessionId);
    return row ? sessionFromRow(row) : null;
  }

  async findOpenSessionByJoinCode(joinCode: string): Promise<StoredForumSession | null> {
    assertKey(joinCode, 'joinCode');
    const row = this.selectByCode.get(joinCode);
    return row ? sessionFromRow(row) : null;
  }

  async listSessions(consultationId: string): Promise<StoredForumSession[]> {
    assertKey(consultationId, 'consultationId');
    return this.selectByConsultation.all(consultationId).map(sessionFromRow);
  }

  async updateDefinition(session: ForumSession): Promise<boolean> {
    assertForumSession(session);
    const stored = this.selectSession.get(session.id);
    if (!stored) return false;
    const previous = fromJsonColumn<ForumSession>(stored.definition_json);
    // Identity fields are the store's, whatever the caller sends.
    const definition: ForumSession = {
      ...session,
      consultationId: previous.consultationId,
      createdBy: previous.createdBy,
      createdAt: previous.createdAt,
      minutesDocName: previous.minutesDocName,
    };
    const result = withJoinCodeConstraint(() =>
      this.updateDefinitionRow.run({
        id: session.id,
        scheduled_at: definition.scheduledAt,
        definition_json: toJsonColumn(definition),
        join_code: definition.joinCode,
      }),
    );
    return result.changes > 0;
  }

  async saveState(sessionId: string, state: ForumLiveState): Promise<boolean> {
    assertKey(sessionId, 'sessionId');
    assertLiveState(state);
    const result = this.updateStateRow.run({
      id: sessionId,
      state_json: toJsonColumn(state),
      state_version: state.version,
      ended: state.status === 'ended' ? 1 : 0,
    });
    return result.changes > 0;
  }

  async addParticipant(participant: NewForumParticipant): Promise<ForumParticipant> {
    assertNewParticipant(participant);
    const add = this.db.transaction((): ForumParticipant => {
      this.insertParticipant.run({
        id: participant.id,
        session_id: participant.sessionId,
        role: participant.role,
        user_id: participant.userId,
        guest_token_hash: participant.guestTokenHash,
        display_name: participant.displayName,
        participant_kind: participant.participantKind,
        joined_at: participant.joinedAt,
      });
      const row =
        participant.userId !== null
          ? this.selectParticipantByUser.get(participant.sessionId, participant.userId)
          : this.selectParticipantByToken.get(participant.guestTokenHash!);
      if (!row) throw new Error(`participant ${participant.id} was neither added nor found`);
      return participantFromRow(row);
    });
    return add.immediate();
  }

  async findParticipantByUser(sessionId: string, userId: string): Promise<ForumParticipant | null> {
    assertKey(sessionId, 'sessionId');
    assertKey(userId, 'userId');
    const row = this.selectParticipantByUser.get(sessionId, userId);
    return row ? participantFromRow(row) : null;
  }

  async findParticipantByGuestTokenHash(tokenHash: string): Promise<ForumParticipant | null> {
    assertKey(tokenHash, 'tokenHash');
    const row = this.selectParticipantByToken.get(tokenHash);
    return row ? participantFromRow(row) : null;
  }

  async listParticipants(sessionId: string): Promise<ForumParticipant[]> {
    assertKey(sessionId, 'sessionId');
    return this.selectParticipants.all(sessionId).map(participantFromRow);
  }

  async recordVote(vote: StoredVote): Promise<boolean> {
    assertVote(vote);
    const result = this.insertVote.run({
      poll_id: vote.pollId,
      participant_id: vote.participantId,
      session_id: vote.sessionId,
      ballot_json: toJsonColumn(vote.ballot),
      cast_at: vote.castAt,
    });
    return result.changes > 0;
  }

  async listVotes(sessionId: string): Promise<StoredVote[]> {
    assertKey(sessionId, 'sessionId');
    return this.selectVotes.all(sessionId).map((row) => ({
      sessionId: row.session_id,
      pollId: row.poll_id,
      participantId: row.participant_id,
      ballot: fromJsonColumn<Ballot>(row.ballot_json),
      castAt: row.cast_at,
    }));
  }

  async addContribution(contribution: ForumContribution): Promise<void> {
    assertContribution(contribution);
    this.insertContribution.run({
      id: contribution.id,
      session_id: contribution.sessionId,
      participant_id: contribution.participantId,
      body: contribution.body,
      agenda_item_id: contribution.agendaItemId,
      agenda_item_title: contribution.agendaItemTitle,
      commitment_id: contribution.commitmentId,
      passage_quote: contribution.passageQuote,
      created_at: contribution.createdAt,
    });
  }

  async hideContribution(
    sessionId: string,
    contributionId: string,
    hiding: ForumContributionHiding,
  ): Promise<boolean> {
    assertKey(sessionId, 'sessionId');
    assertKey(contributionId, 'contributionId');
    assertHiding(hiding);
    const result = this.hideContributionRow.run({
      id: contributionId,
      session_id: sessionId,
      reason: hiding.reason,
      hidden_by: hiding.hiddenByParticipantId,
      hidden_at: hiding.hiddenAt,
    });
    return result.changes > 0;
  }

  async listContributions(sessionId: string): Promise<ForumContribution[]> {
    assertKey(sessionId, 'sessionId');
    return this.selectContributions.all(sessionId).map(contributionFromRow);
  }
}

function contributionFromRow(row: ContributionRow): ForumContribution {
  return {
    id: row.id,
    sessionId: row.session_id,
    participantId: row.participant_id,
    body: row.body,
    agendaItemId: row.agenda_item_id,
    agendaItemTitle: row.agenda_item_title,
    commitmentId: row.commitment_id,
    passageQuote: row.passage_quote,
    createdAt: row.created_at,
    hidden:
      row.hidden_reason !== null && row.hidden_by !== null && row.hidden_at !== null
        ? {
            reason: row.hidden_reason,
            hiddenByParticipantId: row.hidden_by,
            hiddenAt: row.hidden_at,
          }
        : null,
  };
}

function sessionFromRow(row: SessionRow): StoredForumSession {
  return {
    session: fromJsonColumn<ForumSession>(row.definition_json),
    state: fromJsonColumn<ForumLiveState>(row.state_json),
  };
}

function participantFromRow(row: ParticipantRow): ForumParticipant {
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role,
    userId: row.user_id,
    displayName: row.display_name,
    participantKind: row.participant_kind,
    joinedAt: row.joined_at,
  };
}

function withJoinCodeConstraint<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
      error.message.includes('forum_sessions.active_join_code')
    ) {
      throw new JoinCodeTakenError();
    }
    throw error;
  }
}
