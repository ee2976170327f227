import {
  checkBallot,
  findPoll,
  mayReadPollResults,
  participantKinds,
  tallyBallots,
  type Ballot,
  type ForumContribution,
  type ForumContributionHiding,
  type ForumLiveState,
  type ForumParticipant,
  type ForumParticipantRole,
  type ForumSession,
  type ForumTransition,
  type ForumTransitionRefusal,
} from '@atelier/domain';
import {
  SNAPSHOT_CONTRIBUTIONS_MAX,
  type AttendancePayload,
  type ContributionsPayload,
  type ForumContributionDto,
  type ForumErrorCode,
  type PollResultsPayload,
} from '@atelier/protocol';
import type { ForumStore, NewForumParticipant } from '@atelier/storage';
import { toContributionDto } from './forumContributions';

/** What the live session tells the outside (the sockets) after a change is stored. */
export interface LiveSessionListener {
  stateChanged(live: LiveForumSession): void;
  votesChanged(live: LiveForumSession, pollId: string): void;
  attendanceChanged(live: LiveForumSession): void;
  /** A contribution was written or hidden. */
  contributionChanged(live: LiveForumSession, contribution: ForumContribution): void;
  /** The definition (agenda…) was edited; nothing is broadcast, the REST answer carries it. */
  definitionChanged?(live: LiveForumSession): void;
}

export type CommandOutcome =
  /** `changed`: false when the command found the state already as asked (nothing stored). */
  | { readonly ok: true; readonly changed?: boolean }
  | { readonly ok: false; readonly code: ForumErrorCode | ForumTransitionRefusal };

const DONE: CommandOutcome = { ok: true, changed: true };
const UNCHANGED: CommandOutcome = { ok: true, changed: false };

/**
 * One session in memory: definition, live state, participants, ballots and who is connected.
 * Changes run one at a time (a queue per session) and each is stored before anyone hears of
 * it, so the order screens see is the order the store holds, and a restart resumes from it.
 */
export class LiveForumSession {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly participants = new Map<string, ForumParticipant>();
  /** Poll id → participant id → ballot. */
  private readonly ballots = new Map<string, Map<string, Ballot>>();
  /** Participant id → how many of their screens are connected. */
  private readonly screens = new Map<string, number>();
  /** Every written contribution, in order (the minutes and the record need them all). */
  private readonly contributions: ForumContribution[];

  constructor(
    public session: ForumSession,
    public state: ForumLiveState,
    participants: readonly ForumParticipant[],
    votes: readonly { pollId: string; participantId: string; ballot: Ballot }[],
    contributions: readonly ForumContribution[],
    private readonly store: ForumStore,
    private readonly listener: LiveSessionListener,
  ) {
    this.contributions = [...contributions];
    for (const participant of participants) this.participants.set(participant.id, participant);
    for (const vote of votes) this.ballotsOf(vote.pollId).set(vote.participantId, vote.ballot);
  }

  get id(): string {
    return this.session.id;
  }

  /** Runs `work` after every change queued before it (and before any queued after). */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies a transition of the domain's state machine: stored, then broadcast. */
  transition(compute: (state: ForumLiveState) => ForumTransition): Promise<CommandOutcome> {
    return this.serialize(async () => {
      const result = compute(this.state);
      if (!result.ok) return { ok: false, code: result.code };
      if (result.state === this.state) return UNCHANGED;
      if (!(await this.store.saveState(this.id, result.state))) {
        throw new Error(`forum session ${this.id}: a newer state is stored than the one in memory`);
      }
      this.state = result.state;
      this.listener.stateChanged(this);
      return DONE;
    });
  }

  /** A new definition (REST edit): the state's agenda position is kept within the new agenda. */
  replaceDefinition(session: ForumSession): void {
    this.session = session;
    this.listener.definitionChanged?.(this);
  }

  /** Stores a vote once per participant and poll, whichever tab or process sends it first. */
  vote(
    participantId: string,
    pollId: string,
    ballot: Ballot,
    castAt: string,
  ): Promise<CommandOutcome> {
    return this.serialize(async () => {
      const poll = findPoll(this.state, pollId);
      if (!poll) return { ok: false, code: 'not_found' };
      if (poll.status !== 'open') return { ok: false, code: 'poll_not_open' };
      if (this.ballotsOf(pollId).has(participantId)) return { ok: false, code: 'already_voted' };
      if (!checkBallot(poll, ballot).ok) return { ok: false, code: 'invalid_ballot' };
      const stored = await this.store.recordVote({
        sessionId: this.id,
        pollId,
        participantId,
        ballot,
        castAt,
      });
      if (!stored) return { ok: false, code: 'already_voted' };
      this.ballotsOf(pollId).set(participantId, ballot);
      this.listener.votesChanged(this, pollId);
      return DONE;
    });
  }

  /**
   * Stores a written contribution, then tells the screens. Only while the session runs (live
   * or paused), checked in the queue so that it cannot slip in after the end's minutes.
   */
  contribute(contribution: ForumContribution): Promise<CommandOutcome> {
    return this.serialize(async () => {
      if (this.state.status !== 'live' && this.state.status !== 'paused')
        return { ok: false, code: 'session_not_live' };
      await this.store.addContribution(contribution);
      this.contributions.push(contribution);
      this.listener.contributionChanged(this, contribution);
      return DONE;
    });
  }

  /** Hides a contribution (a facilitator's moderation); hiding it again changes nothing. */
  hideContribution(
    contributionId: string,
    hiding: ForumContributionHiding,
  ): Promise<CommandOutcome> {
    return this.serialize(async () => {
      const index = this.contributions.findIndex((found) => found.id === contributionId);
      const contribution = this.contributions[index];
      if (!contribution) return { ok: false, code: 'not_found' };
      if (contribution.hidden) return UNCHANGED;
      if (!(await this.store.hideContribution(this.id, contributionId, hiding))) return UNCHANGED;
      const hidden = { ...contribution, hidden: hiding };
      this.contributions[index] = hidden;
      this.listener.contributionChanged(this, hidden);
      return DONE;
    });
  }

  contributionDto(contribution: ForumContribution, forFacilitators: boolean): ForumContributionDto {
    return toContributionDto(contribution, (id) => this.participants.get(id), forFacilitators);
  }

  /** Every contribution, as a screen of that kind may see it (the record). */
  allContributions(forFacilitators: boolean): ForumContributionDto[] {
    return this.contributions.map((contribution) =>
      this.contributionDto(contribution, forFacilitators),
    );
  }

  /** The latest contributions, for a snapshot: bounded, however long the session. */
  latestContributions(forFacilitators: boolean): ContributionsPayload {
    return {
      items: this.contributions
        .slice(-SNAPSHOT_CONTRIBUTIONS_MAX)
        .map((contribution) => this.contributionDto(contribution, forFacilitators)),
      total: this.contributions.length,
    };
  }

  get contributionCount(): number {
    return this.contributions.length;
  }

  /** Adds (or finds) a participant in the store, then in memory. */
  async admit(participant: NewForumParticipant): Promise<ForumParticipant> {
    const stored = await this.store.addParticipant(participant);
    const isNew = !this.participants.has(stored.id);
    this.participants.set(stored.id, stored);
    if (isNew) this.listener.attendanceChanged(this);
    return stored;
  }

  /** Whoever is already known for this user (any tab, any earlier join). */
  participantOfUser(userId: string): ForumParticipant | undefined {
    for (const participant of this.participants.values())
      if (participant.userId === userId) return participant;
    return undefined;
  }

  findParticipant(participantId: string): ForumParticipant | undefined {
    return this.participants.get(participantId);
  }

  screenConnected(participantId: string): void {
    const before = this.screens.get(participantId) ?? 0;
    this.screens.set(participantId, before + 1);
    if (before === 0) this.listener.attendanceChanged(this);
  }

  screenDisconnected(participantId: string): void {
    const before = this.screens.get(participantId) ?? 0;
    if (before <= 1) this.screens.delete(participantId);
    else this.screens.set(participantId, before - 1);
    if (before === 1) this.listener.attendanceChanged(this);
  }

  get connectedScreens(): number {
    let total = 0;
    for (const count of this.screens.values()) total += count;
    return total;
  }

  votedPollIds(participantId: string): string[] {
    return [...this.ballots.entries()]
      .filter(([, byParticipant]) => byParticipant.has(participantId))
      .map(([pollId]) => pollId);
  }

  /** A poll's results as a screen of this role may see them. */
  results(pollId: string, role: ForumParticipantRole): PollResultsPayload | null {
    const poll = findPoll(this.state, pollId);
    if (!poll || poll.status === 'draft') return null;
    const byParticipant = this.ballotsOf(pollId);
    const visible = mayReadPollResults(role, poll);
    const tally = tallyBallots(poll, [...byParticipant.values()]);
    return {
      sessionId: this.id,
      pollId,
      voterCount: tally.voterCount,
      totals: visible ? tally.totals : null,
      voters: visible && !poll.anonymous ? this.votersByOption(byParticipant) : null,
    };
  }

  /** Results of every poll that opened, as a screen of this role may see them. */
  allResults(role: ForumParticipantRole): PollResultsPayload[] {
    return this.state.polls
      .map((poll) => this.results(poll.id, role))
      .filter((results): results is PollResultsPayload => results !== null);
  }

  attendance(forFacilitators: boolean): AttendancePayload {
    const joinedByKind = Object.fromEntries(participantKinds.map((kind) => [kind, 0])) as Record<
      (typeof participantKinds)[number],
      number
    >;
    for (const participant of this.participants.values())
      joinedByKind[participant.participantKind] += 1;
    return {
      sessionId: this.id,
      connectedCount: this.screens.size,
      joinedByKind,
      participants: forFacilitators
        ? [...this.participants.values()].map((participant) => ({
            ...participant,
            connected: this.screens.has(participant.id),
          }))
        : null,
    };
  }

  allParticipants(): ForumParticipant[] {
    return [...this.participants.values()];
  }

  private votersByOption(byParticipant: Map<string, Ballot>): Record<string, string[]> {
    const voters: Record<string, string[]> = {};
    for (const [participantId, ballot] of byParticipant) {
      const name = this.participants.get(participantId)?.displayName ?? '?';
      const optionIds = ballot.kind === 'dots' ? Object.keys(ballot.dots) : ballot.optionIds;
      for (const optionId of optionIds) (voters[optionId] ??= []).push(name);
    }
    return voters;
  }

  private ballotsOf(pollId: string): Map<string, Ballot> {
    let byParticipant = this.ballots.get(pollId);
    if (!byParticipant) {
      byParticipant = new Map();
      this.ballots.set(pollId, byParticipant);
    }
    return byParticipant;
  }
}
