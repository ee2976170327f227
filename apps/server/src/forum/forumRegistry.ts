import type { ForumStore } from '@atelier/storage';
import { LiveForumSession, type LiveSessionListener } from './liveForumSession';

/**
 * The sessions held in memory, each loaded from the store on first use (concurrent callers
 * share one load), so that after a restart the first screen to come back finds the room
 * exactly where the store left it: agenda position, timers, polls, ballots, breakout, contributions.
 */
export class ForumRegistry {
  private readonly loaded = new Map<string, LiveForumSession>();
  private readonly loading = new Map<string, Promise<LiveForumSession | null>>();

  constructor(
    private readonly store: ForumStore,
    private readonly listener: LiveSessionListener,
    /** Told of every session loaded from the store (what it was like before anyone changed it). */
    private readonly onLoaded: (live: LiveForumSession) => void = () => undefined,
  ) {}

  get(sessionId: string): Promise<LiveForumSession | null> {
    const live = this.loaded.get(sessionId);
    if (live) return Promise.resolve(live);
    let loading = this.loading.get(sessionId);
    if (!loading) {
      loading = this.load(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, loading);
    }
    return loading;
  }

  /** The session if it is in memory (nobody has touched it since start otherwise). */
  loadedSession(sessionId: string): LiveForumSession | undefined {
    return this.loaded.get(sessionId);
  }

  /** Forgets an ended session nobody is connected to; it is read from the store again if needed. */
  release(live: LiveForumSession): void {
    if (live.state.status === 'ended' && live.connectedScreens === 0) this.loaded.delete(live.id);
  }

  /** Waits for every change already queued (shutdown). */
  async drain(): Promise<void> {
    await Promise.all(
      [...this.loaded.values()].map((live) => live.serialize(async () => undefined)),
    );
  }

  private async load(sessionId: string): Promise<LiveForumSession | null> {
    const stored = await this.store.findSession(sessionId);
    if (!stored) return null;
    const [participants, votes, contributions] = await Promise.all([
      this.store.listParticipants(sessionId),
      this.store.listVotes(sessionId),
      this.store.listContributions(sessionId),
    ]);
    const live = new LiveForumSession(
      stored.session,
      stored.state,
      participants,
      votes,
      contributions,
      this.store,
      this.listener,
    );
    this.loaded.set(sessionId, live);
    this.onLoaded(live);
    return live;
  }
}
