import { ForumEvent, RESULTS_COALESCE_MS } from '@atelier/protocol';
import type { ForumContribution, PollStatus } from '@atelier/domain';
import type { LiveForumSession, LiveSessionListener } from './liveForumSession';
import type { ForumNamespace } from './forumNamespace';
import { forumFacilitatorsRoom, forumRoom } from './forumRooms';

/** Joins and departures arrive in bursts when a room fills up: one attendance notice per window. */
const ATTENDANCE_COALESCE_MS = 250;

/**
 * Sends what changed in a session to its screens, once it is stored. State goes to everyone;
 * results and attendance go in two versions, the facilitators' (full) and everyone else's (what
 * the poll's visibility and their role allow), coalesced so that 500 votes in a second make
 * about twenty messages, not 500.
 */
export class ForumBroadcaster implements LiveSessionListener {
  private readonly pendingResults = new Map<string, NodeJS.Timeout>();
  /** When each poll's results last left because of votes (bounded like the polls). */
  private readonly lastResultsAtMs = new Map<string, number>();
  private readonly pendingAttendance = new Map<string, NodeJS.Timeout>();
  /** Last status announced per poll: results go out again when a poll opens or closes. */
  private readonly pollStatuses = new Map<string, PollStatus>();

  private namespace: ForumNamespace | null = null;

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** The namespace exists once the HTTP server does; nothing is sent before. */
  attach(namespace: ForumNamespace): void {
    this.namespace = namespace;
  }

  stateChanged(live: LiveForumSession): void {
    this.namespace?.to(forumRoom(live.id)).emit(ForumEvent.State, {
      sessionId: live.id,
      state: live.state,
      serverNowMs: this.nowMs(),
    });
    for (const poll of live.state.polls) {
      const key = `${live.id}/${poll.id}`;
      if (this.pollStatuses.get(key) === poll.status) continue;
      this.pollStatuses.set(key, poll.status);
      if (poll.status !== 'draft') this.emitResults(live, poll.id);
    }
  }

  /**
   * A vote after a quiet spell is shown at once (votes stored in the same turn still go out
   * together); during a burst, results leave at most once per window, the window after the last.
   */
  votesChanged(live: LiveForumSession, pollId: string): void {
    const key = `${live.id}/${pollId}`;
    if (this.pendingResults.has(key)) return;
    const sinceLast = this.nowMs() - (this.lastResultsAtMs.get(key) ?? Number.NEGATIVE_INFINITY);
    this.pendingResults.set(
      key,
      setTimeout(
        () => {
          this.pendingResults.delete(key);
          this.lastResultsAtMs.set(key, this.nowMs());
          this.emitResults(live, pollId);
        },
        Math.max(0, RESULTS_COALESCE_MS - sinceLast),
      ),
    );
  }

  attendanceChanged(live: LiveForumSession): void {
    if (this.pendingAttendance.has(live.id)) return;
    this.pendingAttendance.set(
      live.id,
      setTimeout(() => {
        this.pendingAttendance.delete(live.id);
        const facilitators = forumFacilitatorsRoom(live.id);
        this.namespace?.to(facilitators).emit(ForumEvent.Attendance, live.attendance(true));
        this.namespace
          ?.to(forumRoom(live.id))
          .except(facilitators)
          .emit(ForumEvent.Attendance, live.attendance(false));
      }, ATTENDANCE_COALESCE_MS),
    );
  }

  /** Facilitators get the text of hidden contributions; everyone else, their trace. */
  contributionChanged(live: LiveForumSession, contribution: ForumContribution): void {
    const facilitators = forumFacilitatorsRoom(live.id);
    const total = live.contributionCount;
    this.namespace?.to(facilitators).emit(ForumEvent.Contribution, {
      sessionId: live.id,
      contribution: live.contributionDto(contribution, true),
      total,
    });
    this.namespace
      ?.to(forumRoom(live.id))
      .except(facilitators)
      .emit(ForumEvent.Contribution, {
        sessionId: live.id,
        contribution: live.contributionDto(contribution, false),
        total,
      });
  }

  /** Stops pending notices (shutdown): their content is stored, screens get it on rejoin. */
  stop(): void {
    for (const timer of [...this.pendingResults.values(), ...this.pendingAttendance.values()])
      clearTimeout(timer);
    this.pendingResults.clear();
    this.pendingAttendance.clear();
  }

  private emitResults(live: LiveForumSession, pollId: string): void {
    const full = live.results(pollId, 'facilitator');
    const shared = live.results(pollId, 'member');
    if (!full || !shared) return;
    const facilitators = forumFacilitatorsRoom(live.id);
    this.namespace?.to(facilitators).emit(ForumEvent.PollResults, full);
    this.namespace
      ?.to(forumRoom(live.id))
      .except(facilitators)
      .emit(ForumEvent.PollResults, shared);
  }
}
