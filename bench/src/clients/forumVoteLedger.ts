/**
 * Vote -> results latency on every screen, without asking the server which votes a tally holds.
 * Votes are ranked in the order this process emitted them (first votes only, not double taps);
 * a screen has "seen" the k-th vote once it receives results whose `voterCount` is at least k.
 * One process emits every vote, so the k-th vote's emit time is known before any server can
 * count k votes; votes sent a few ms apart on different connections may be counted in another
 * order, which moves a few ms between neighbours and not the distribution.
 */
export class ForumVoteLedger {
  private readonly emittedAtMs: Float64Array;
  private emittedCount = 0;
  /** Per screen: how many ranks it has seen. */
  private readonly seenRanks: Int32Array;
  /** rank * screens + screen -> ms; Infinity until seen. */
  private readonly pairMs: Float64Array;
  /** Per rank: the slowest screen so far, and how many screens have seen it. */
  private readonly slowestMs: Float64Array;
  private readonly screensSeen: Int32Array;

  constructor(
    readonly votes: number,
    readonly screens: number,
  ) {
    this.emittedAtMs = new Float64Array(votes);
    this.seenRanks = new Int32Array(screens);
    this.pairMs = new Float64Array(votes * screens).fill(Infinity);
    this.slowestMs = new Float64Array(votes);
    this.screensSeen = new Int32Array(votes);
  }

  get emitted(): number {
    return this.emittedCount;
  }

  /** Call right before emitting a first vote; returns its rank. */
  recordEmit(atMs: number): number {
    if (this.emittedCount >= this.votes) throw new RangeError('more votes than planned');
    this.emittedAtMs[this.emittedCount] = atMs;
    return this.emittedCount++;
  }

  /** A screen received results counting `voterCount` voters at `atMs`. */
  recordResults(screen: number, voterCount: number, atMs: number): void {
    const upTo = Math.min(voterCount, this.emittedCount);
    for (let rank = this.seenRanks[screen] ?? 0; rank < upTo; rank++) {
      const latency = atMs - (this.emittedAtMs[rank] ?? atMs);
      this.pairMs[rank * this.screens + screen] = latency;
      this.slowestMs[rank] = Math.max(this.slowestMs[rank] ?? 0, latency);
      this.screensSeen[rank] = (this.screensSeen[rank] ?? 0) + 1;
    }
    if (upTo > (this.seenRanks[screen] ?? 0)) this.seenRanks[screen] = upTo;
  }

  /** Every emitted vote seen on every screen. */
  allSeen(): boolean {
    return this.seenRanks.every((seen) => seen >= this.emittedCount);
  }

  /** One sample per (emitted vote, screen); Infinity where the screen never saw it. */
  pairLatencies(): number[] {
    return Array.from(this.pairMs.subarray(0, this.emittedCount * this.screens));
  }

  /** Per emitted vote: until the last screen saw it; Infinity if one never did. */
  allScreensLatencies(): number[] {
    return Array.from({ length: this.emittedCount }, (_, rank) =>
      this.screensSeen[rank] === this.screens ? (this.slowestMs[rank] ?? Infinity) : Infinity,
    );
  }
}
