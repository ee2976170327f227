import { setTimeout as sleep } from 'node:timers/promises';
import type { PollResultsPayload } from '@atelier/protocol';
import { forumDialects, type ForumRoom, type ForumServerKind } from '../clients/forumDialect';
import {
  ForumScreen,
  type CommandOutcome,
  type PollDefinition,
  type ScreenPollView,
} from '../clients/forumScreen';
import { ForumVoteLedger } from '../clients/forumVoteLedger';
import type { MarkFn } from '../load/loadProtocol';
import { waitFor } from '../load/waiting';
import { percentile } from '../measure/percentiles';

export interface ForumVotesParams {
  server: ForumServerKind;
  /** http://127.0.0.1:<port> */
  origin: string;
  participants: number;
  joinRatePerS: number;
  joinConcurrency: number;
  joinTimeoutMs: number;
  idleSettleMs: number;
  pollShownTimeoutMs: number;
  voteWindowMs: number;
  settleTimeoutMs: number;
  ackTimeoutMs: number;
  doubleTapShare: number;
  pollOptions: number;
  seed: number;
}

export interface ForumVotesLoadResult {
  participantsJoined: number;
  /** e.g. "0" or "12 (HTTP 429 x12)". */
  joinFailures: string;
  /** First join started -> last join acked; null when some never joined. */
  joinPhaseMs: number | null;
  /** Per guest: REST join by code + connect + `forum:join` ack. */
  joinP50Ms: number | null;
  joinP99Ms: number | null;
  /** Poll opened -> the last screen received it open; null if one never did. */
  pollShownAllMs: number | null;
  screens: number;
  votesSent: number;
  votesOk: number;
  voteRefusals: string;
  voteAckP50Ms: number | null;
  voteAckP99Ms: number | null;
  duplicatesSent: number;
  duplicatesRefused: number;
  /** Over (vote, screen) pairs; null when the percentile fell on a pair never seen ("lost"). */
  pairP50Ms: number | null;
  pairP95Ms: number | null;
  pairP99Ms: number | null;
  pairMaxMs: number | null;
  pairsSeen: number;
  pairsExpected: number;
  /** Per vote, until the last screen had it. */
  allScreensP50Ms: number | null;
  allScreensP99Ms: number | null;
  /** Screens whose last results count exactly N voters, with totals (where shown) summing to N. */
  screensWithFinalTally: number;
  /** Connections the server ended during the run, e.g. "0" or "3 (transport close x3)". */
  dropped: string;
  /** Vote window + settle: the span the orchestrator's CPU figure covers. */
  votePhaseMs: number;
  loadCpuShareInVotes: number;
}

/** Counts of reasons, e.g. "12 (HTTP 429 x12)". */
class ReasonTally {
  private readonly counts = new Map<string, number>();

  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  describe(): string {
    const total = [...this.counts.values()].reduce((sum, count) => sum + count, 0);
    if (total === 0) return '0';
    const reasons = [...this.counts].map(([reason, count]) => `${reason} x${count}`).join(', ');
    return `${total} (${reasons})`;
  }
}

/** A small seeded generator (mulberry32): the same instants and choices on both servers. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const http = /HTTP \d{3}/.exec(message);
  return http?.[0] ?? message.slice(0, 80);
}

function refusal(outcome: CommandOutcome<unknown>): string | null {
  return outcome.ok ? null : outcome.code;
}

function pollDefinition(options: number): PollDefinition {
  return {
    question: 'Quel engagement prioriser pour le prochain plan ?',
    kind: 'single',
    options: Array.from({ length: options }, (_, index) => ({
      label: `Engagement ${index + 1}`,
      commitmentId: null,
    })),
    dotsPerParticipant: null,
    // Everyone sees results while voting: the projector and the phones update on every tally.
    resultVisibility: 'live',
    anonymous: true,
  };
}

interface Room {
  room: ForumRoom;
  facilitator: ForumScreen;
  projector: ForumScreen;
}

async function enterRoom(params: ForumVotesParams): Promise<Room> {
  const dialect = forumDialects[params.server];
  const room = await dialect.prepareRoom(params.origin);
  const facilitator = await ForumScreen.connect(params.origin, {
    ...(room.facilitatorCookie === null ? {} : { cookie: room.facilitatorCookie }),
    timeoutMs: params.ackTimeoutMs,
  });
  const joined = await facilitator.join(room.sessionId, params.ackTimeoutMs);
  if (!joined.ok) throw new Error(`facilitator join refused: ${joined.code}`);
  const started = await facilitator.start(room.sessionId, params.ackTimeoutMs);
  if (!started.ok) throw new Error(`session start refused: ${started.code}`);
  // The room screen: joins like a participant, never votes, shows live results.
  const projector = await ForumScreen.connect(params.origin, {
    auth: await dialect.guestAuth(params.origin, room, 'Écran de la salle'),
    timeoutMs: params.ackTimeoutMs,
  });
  const projectorJoined = await projector.join(room.sessionId, params.ackTimeoutMs);
  if (!projectorJoined.ok) throw new Error(`projector join refused: ${projectorJoined.code}`);
  return { room, facilitator, projector };
}

/**
 * Guests arrive one every 1/joinRatePerS s (at most joinConcurrency in flight); each one joins
 * by code, connects and sends `forum:join`. Returns the joined screens, in join order.
 */
async function fillRoom(
  params: ForumVotesParams,
  room: ForumRoom,
  joinMs: number[],
  failures: ReasonTally,
): Promise<ForumScreen[]> {
  const dialect = forumDialects[params.server];
  const joined: ForumScreen[] = [];
  const startedAt = performance.now();
  const deadline = Date.now() + params.joinTimeoutMs;
  const intervalMs = 1000 / params.joinRatePerS;
  let inFlight = 0;
  const joinOne = async (index: number) => {
    const began = performance.now();
    try {
      const auth = await dialect.guestAuth(params.origin, room, `Participant ${index + 1}`);
      const screen = await ForumScreen.connect(params.origin, {
        auth,
        timeoutMs: params.ackTimeoutMs,
      });
      const ack = await screen.join(room.sessionId, params.ackTimeoutMs);
      if (!ack.ok) {
        failures.add(`forum:join ${ack.code}`);
        screen.close();
        return;
      }
      joinMs.push(performance.now() - began);
      joined.push(screen);
    } catch (error) {
      failures.add(reasonOf(error));
    }
  };
  const pending: Promise<void>[] = [];
  for (let index = 0; index < params.participants; index++) {
    await sleep(Math.max(0, startedAt + index * intervalMs - performance.now()));
    while (inFlight >= params.joinConcurrency && Date.now() < deadline) await sleep(5);
    if (Date.now() >= deadline) {
      failures.add('join phase timeout');
      continue;
    }
    inFlight += 1;
    pending.push(joinOne(index).finally(() => (inFlight -= 1)));
  }
  await Promise.all(pending);
  return joined;
}

/**
 * The forum vote workload: N guests fill one live session, the facilitator opens a
 * single-choice poll with live results, each guest votes once at a random instant within the
 * window (some double-tap), and every screen's results are timed against every vote.
 */
export async function runForumVotesLoad(
  params: ForumVotesParams,
  mark: MarkFn,
): Promise<ForumVotesLoadResult> {
  const random = seededRandom(params.seed);
  const { room, facilitator, projector } = await enterRoom(params);
  const { sessionId } = room;

  await mark('joinStart');
  const joinStartedAt = performance.now();
  const joinMs: number[] = [];
  const joinFailures = new ReasonTally();
  const participants = await fillRoom(params, room, joinMs, joinFailures);
  const allJoined = participants.length === params.participants;
  const joinPhaseMs = allJoined ? performance.now() - joinStartedAt : null;
  await mark('joined');
  await sleep(params.idleSettleMs);
  await mark('idle');

  // Every screen: the participants' phones, then the projector, then the console.
  const screens = [...participants, projector, facilitator];
  const ledger = new ForumVoteLedger(participants.length, screens.length);
  let pollId: string | null = null;
  // The console's latest polls: the new poll's state may arrive before the create ack does.
  let consolePolls: readonly ScreenPollView[] = [];
  const shownAtMs = new Array<number | null>(screens.length).fill(null);
  const lastResults = new Array<PollResultsPayload | null>(screens.length).fill(null);
  screens.forEach((screen, index) => {
    screen.onPolls((polls) => {
      if (screen === facilitator) consolePolls = polls;
      const poll = polls.find((candidate) => candidate.id === pollId);
      if (poll === undefined) return;
      if (poll.status === 'open' && shownAtMs[index] === null) shownAtMs[index] = performance.now();
    });
    screen.onResults((payload) => {
      if (payload.pollId !== pollId) return;
      ledger.recordResults(index, payload.voterCount, performance.now());
      lastResults[index] = payload;
    });
  });

  const created = await facilitator.createPoll(
    sessionId,
    pollDefinition(params.pollOptions),
    params.ackTimeoutMs,
  );
  if (!created.ok) throw new Error(`poll creation refused: ${created.code}`);
  pollId = created.pollId;
  const createdPoll = () => consolePolls.find((poll) => poll.id === created.pollId);
  if (!(await waitFor(() => createdPoll() !== undefined, params.ackTimeoutMs))) {
    throw new Error('the facilitator never received the new poll in forum:state');
  }
  const pollOptionIds = createdPoll()?.options.map((option) => option.id) ?? [];
  const openedAt = performance.now();
  const opened = await facilitator.openPoll(sessionId, pollId, params.ackTimeoutMs);
  if (!opened.ok) throw new Error(`poll opening refused: ${opened.code}`);
  const allShown = await waitFor(
    () => shownAtMs.every((at) => at !== null),
    params.pollShownTimeoutMs,
    10,
  );
  const pollShownAllMs = allShown
    ? Math.max(...shownAtMs.map((at) => (at ?? openedAt) - openedAt))
    : null;

  // Draw every instant and choice first, so every server gets the same schedule.
  const plan = participants.map((screen) => ({
    screen,
    atMs: random() * params.voteWindowMs,
    optionId: pollOptionIds[Math.floor(random() * pollOptionIds.length)] ?? '',
    doubleTap: random() < params.doubleTapShare,
  }));
  const voteAckMs: number[] = [];
  const refusals = new ReasonTally();
  let votesOk = 0;
  let acksPending = 0;
  let duplicatesSent = 0;
  let duplicatesRefused = 0;
  const activePollId = pollId;
  const castVote = async (screen: ForumScreen, optionId: string, doubleTap: boolean) => {
    const ballot = { kind: 'choice' as const, optionIds: [optionId] };
    acksPending += 1;
    const sentAt = performance.now();
    ledger.recordEmit(sentAt);
    const outcome = await screen.vote(sessionId, activePollId, ballot, params.ackTimeoutMs);
    voteAckMs.push(performance.now() - sentAt);
    const refused = refusal(outcome);
    if (refused === null) votesOk += 1;
    else refusals.add(refused);
    if (doubleTap && refused === null) {
      duplicatesSent += 1;
      const again = await screen.vote(sessionId, activePollId, ballot, params.ackTimeoutMs);
      if (refusal(again) === 'already_voted') duplicatesRefused += 1;
    }
    acksPending -= 1;
  };

  await mark('voteStart');
  const cpuBefore = process.cpuUsage();
  const votePhaseStartedAt = performance.now();
  const timers = plan.map(({ screen, atMs, optionId, doubleTap }) =>
    setTimeout(() => void castVote(screen, optionId, doubleTap), atMs),
  );
  await sleep(params.voteWindowMs);
  await waitFor(
    () => ledger.emitted === participants.length && acksPending === 0 && ledger.allSeen(),
    params.settleTimeoutMs,
    10,
  );
  const votePhaseMs = performance.now() - votePhaseStartedAt;
  const cpu = process.cpuUsage(cpuBefore);
  await mark('voteEnd');
  for (const timer of timers) clearTimeout(timer);

  const drops = new ReasonTally();
  for (const screen of screens) if (screen.dropped !== null) drops.add(screen.dropped);
  const screensWithFinalTally = lastResults.filter((results) => {
    if (results?.voterCount !== params.participants) return false;
    if (results.totals === null) return true;
    const counted = Object.values(results.totals).reduce((sum, votes) => sum + votes, 0);
    return counted === params.participants;
  }).length;
  for (const screen of screens) screen.close();

  const pairs = ledger.pairLatencies();
  const perVote = ledger.allScreensLatencies();
  const pct = (samples: readonly number[], p: number) => finiteOrNull(percentile(samples, p));
  return {
    participantsJoined: participants.length,
    joinFailures: joinFailures.describe(),
    joinPhaseMs,
    joinP50Ms: pct(joinMs, 50),
    joinP99Ms: pct(joinMs, 99),
    pollShownAllMs,
    screens: screens.length,
    votesSent: ledger.emitted,
    votesOk,
    voteRefusals: refusals.describe(),
    voteAckP50Ms: pct(voteAckMs, 50),
    voteAckP99Ms: pct(voteAckMs, 99),
    duplicatesSent,
    duplicatesRefused,
    pairP50Ms: pct(pairs, 50),
    pairP95Ms: pct(pairs, 95),
    pairP99Ms: pct(pairs, 99),
    pairMaxMs: pct(pairs, 100),
    pairsSeen: pairs.filter(Number.isFinite).length,
    // Against the planned room: a guest who never joined is a screen that saw nothing.
    pairsExpected: params.participants * (params.participants + 2),
    allScreensP50Ms: pct(perVote, 50),
    allScreensP99Ms: pct(perVote, 99),
    screensWithFinalTally,
    dropped: drops.describe(),
    votePhaseMs,
    loadCpuShareInVotes: (cpu.user + cpu.system) / 1000 / votePhaseMs,
  };
}
