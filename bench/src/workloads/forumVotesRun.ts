import { availableParallelism, loadavg } from 'node:os';
import { RESULTS_COALESCE_MS } from '@atelier/protocol';
import { FORUM } from '../config';
import type { ForumServerKind } from '../clients/forumDialect';
import { runLoad } from '../load/loadRunner';
import { cpuBetween, type MarkSamples } from '../measure/markSamples';
import type { ProcessSample } from '../measure/procStats';
import { printProgress } from '../report/printReport';
import {
  NOT_COMPARABLE_KEY,
  type MetricDefinition,
  type MetricValues,
  type SectionResult,
} from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import { forumOrigin, startForumServer } from './forumServers';
import type { ForumVotesLoadResult, ForumVotesParams } from './forumVotesLoad';
import { loadTimeoutMs, serverAbort, stopServerAfterLoad } from './runHelpers';

const MB = 1024 * 1024;
const { TARGETS } = FORUM;

export const FORUM_SERVERS: readonly ForumServerKind[] = [
  'atelier',
  'socketio-bare',
  'socketio-coalesced',
];

export const FORUM_METRICS: readonly MetricDefinition[] = [
  { key: 'joined', label: 'participants joined', unit: '', better: 'none', digits: 0 },
  { key: 'joinPhaseS', label: 'join phase, all joined', unit: 's', better: 'lower', digits: 1 },
  { key: 'joinP50Ms', label: 'one join, p50', unit: 'ms', better: 'lower', digits: 1 },
  { key: 'joinP99Ms', label: 'one join, p99', unit: 'ms', better: 'lower', digits: 1 },
  { key: 'joinCpuS', label: 'server CPU, join phase', unit: 's', better: 'lower', digits: 2 },
  {
    key: 'pollShownMs',
    label: 'poll opened -> shown on every screen',
    unit: 'ms',
    better: 'lower',
    digits: 0,
  },
  {
    key: 'pairP50Ms',
    label: 'vote -> results on a screen, p50',
    unit: 'ms',
    better: 'lower',
    digits: 1,
  },
  {
    key: 'pairP95Ms',
    label: 'vote -> results on a screen, p95',
    unit: 'ms',
    better: 'lower',
    digits: 1,
  },
  {
    key: 'pairP99Ms',
    label: 'vote -> results on a screen, p99',
    unit: `ms; target < ${TARGETS.P99_MS}`,
    better: 'lower',
    digits: 1,
  },
  {
    key: 'pairMaxMs',
    label: 'vote -> results on a screen, max',
    unit: 'ms',
    better: 'lower',
    digits: 0,
  },
  {
    key: 'allScreensP50Ms',
    label: 'vote -> results on all screens, p50',
    unit: 'ms',
    better: 'lower',
    digits: 1,
  },
  {
    key: 'allScreensP99Ms',
    label: 'vote -> results on all screens, p99',
    unit: 'ms',
    better: 'lower',
    digits: 1,
  },
  { key: 'voteAckP99Ms', label: 'vote -> ack, p99', unit: 'ms', better: 'lower', digits: 1 },
  { key: 'votesOk', label: 'votes acked ok', unit: '', better: 'none', digits: 0 },
  { key: 'voteRefusals', label: 'votes refused', unit: '', better: 'none', digits: 0 },
  { key: 'duplicatesRefused', label: 'double taps refused', unit: '', better: 'none', digits: 0 },
  { key: 'dropped', label: 'connections dropped', unit: '', better: 'none', digits: 0 },
  {
    key: 'finalTally',
    label: 'screens showing N votes at the end',
    unit: '',
    better: 'none',
    digits: 0,
  },
  { key: 'voteCpuS', label: 'server CPU, vote phase', unit: 's', better: 'lower', digits: 2 },
  {
    key: 'voteCpuPct',
    label: 'server core busy, vote phase',
    unit: '%',
    better: 'lower',
    digits: 0,
  },
  { key: 'joinedRssMb', label: 'server RSS, room full', unit: 'MB', better: 'lower', digits: 0 },
  { key: 'peakRssMb', label: 'server peak RSS', unit: 'MB', better: 'lower', digits: 0 },
  {
    key: 'loadCpuPct',
    label: 'load generator core busy, votes',
    unit: '%',
    better: 'none',
    digits: 0,
  },
  {
    // The machine is shared: other work on either core shows here and in the latencies.
    key: 'machineLoad',
    label: 'machine load average (1 min), end of votes',
    unit: `${availableParallelism()} cores`,
    better: 'none',
    digits: 2,
  },
  {
    key: 'targetMet',
    label: `p99 < ${TARGETS.P99_MS} ms, nobody dropped`,
    unit: '',
    better: 'none',
    digits: 0,
  },
];

function forumParams(
  server: ForumServerKind,
  origin: string,
  participants: number,
): ForumVotesParams {
  return {
    server,
    origin,
    participants,
    joinRatePerS: FORUM.JOIN_RATE_PER_S,
    joinConcurrency: FORUM.JOIN_CONCURRENCY,
    joinTimeoutMs: FORUM.JOIN_TIMEOUT_MS,
    idleSettleMs: FORUM.IDLE_SETTLE_MS,
    pollShownTimeoutMs: FORUM.POLL_SHOWN_TIMEOUT_MS,
    voteWindowMs: FORUM.VOTE_WINDOW_MS,
    settleTimeoutMs: FORUM.SETTLE_TIMEOUT_MS,
    ackTimeoutMs: FORUM.ACK_TIMEOUT_MS,
    doubleTapShare: FORUM.DOUBLE_TAP_SHARE,
    pollOptions: FORUM.POLL_OPTIONS,
    seed: FORUM.SEED,
  };
}

/** One run of the vote workload against a fresh server. */
export async function runForumVotes(
  workspace: BenchWorkspace,
  kind: ForumServerKind,
  participants: number,
): Promise<MetricValues> {
  const started = await startForumServer(workspace, kind, FORUM_METRICS);
  if ('failed' in started) return started.failed;
  const { server } = started;
  const samples: MarkSamples = new Map();
  let machineLoad: number | null = null;
  const outcome = await runLoad<ForumVotesLoadResult>({
    workload: 'forumVotes',
    params: forumParams(kind, forumOrigin(server), participants),
    onMark: async (name) => {
      samples.set(name, server.sample());
      if (name === 'voteEnd') machineLoad = loadavg()[0] ?? null;
    },
    timeoutMs: loadTimeoutMs(
      FORUM.JOIN_TIMEOUT_MS,
      FORUM.IDLE_SETTLE_MS,
      FORUM.ACK_TIMEOUT_MS * 3,
      FORUM.POLL_SHOWN_TIMEOUT_MS,
      FORUM.VOTE_WINDOW_MS,
      FORUM.SETTLE_TIMEOUT_MS,
    ),
    abortWhen: serverAbort(server),
  });
  const ended = await stopServerAfterLoad(workspace, server, outcome, FORUM_METRICS, 'forum votes');
  if ('failed' in ended) return ended.failed;
  return {
    ...forumMetrics(ended.result, participants, samples, ended.finalSample),
    machineLoad: machineLoad ?? 'n/a',
  };
}

function forumMetrics(
  result: ForumVotesLoadResult,
  participants: number,
  samples: MarkSamples,
  finalSample: ProcessSample | null,
): MetricValues {
  const lost = (value: number | null) => value ?? 'lost';
  const voteCpuS = cpuBetween(samples, 'voteStart', 'voteEnd');
  const joinCpuS = cpuBetween(samples, 'joinStart', 'joined');
  const idle = samples.get('idle');
  const nobodyDropped = result.dropped === '0' && result.participantsJoined === participants;
  const incomplete = result.participantsJoined < participants || result.dropped !== '0';
  return {
    ...(incomplete && {
      [NOT_COMPARABLE_KEY]: `incomplete run (${result.participantsJoined}/${participants} joined, ${result.dropped} dropped)`,
    }),
    joined: `${result.participantsJoined}/${participants}${result.joinFailures === '0' ? '' : `, failed ${result.joinFailures}`}`,
    joinPhaseS: result.joinPhaseMs === null ? 'incomplete' : result.joinPhaseMs / 1000,
    joinP50Ms: lost(result.joinP50Ms),
    joinP99Ms: lost(result.joinP99Ms),
    joinCpuS: joinCpuS ?? 'n/a',
    pollShownMs: result.pollShownAllMs ?? 'timeout',
    pairP50Ms: lost(result.pairP50Ms),
    pairP95Ms: lost(result.pairP95Ms),
    pairP99Ms: lost(result.pairP99Ms),
    pairMaxMs: lost(result.pairMaxMs),
    allScreensP50Ms: lost(result.allScreensP50Ms),
    allScreensP99Ms: lost(result.allScreensP99Ms),
    voteAckP99Ms: lost(result.voteAckP99Ms),
    votesOk: `${result.votesOk}/${participants}`,
    voteRefusals: result.voteRefusals,
    duplicatesRefused: `${result.duplicatesRefused}/${result.duplicatesSent}`,
    dropped: result.dropped,
    finalTally: `${result.screensWithFinalTally}/${participants + 2}`,
    voteCpuS: voteCpuS ?? 'n/a',
    voteCpuPct: voteCpuS === null ? 'n/a' : (voteCpuS / (result.votePhaseMs / 1000)) * 100,
    joinedRssMb: idle ? idle.rssBytes / MB : 'n/a',
    peakRssMb: finalSample === null ? 'n/a' : finalSample.peakRssBytes / MB,
    loadCpuPct: result.loadCpuShareInVotes * 100,
    targetMet:
      result.pairP99Ms !== null && result.pairP99Ms < TARGETS.P99_MS && nobodyDropped
        ? 'yes'
        : 'NO',
  };
}

function methodNotes(participants: number): string[] {
  const count = participants.toLocaleString('en-US');
  return [
    `${count} guests join one live session by code (one every ${1000 / FORUM.JOIN_RATE_PER_S} ms, ${FORUM.JOIN_CONCURRENCY} at most in flight: REST join, socket.io-client on /forum over WebSocket, forum:join ack), plus the facilitator's console and a projector screen: ${participants + 2} screens, one load process.`,
    `The facilitator opens a single-choice poll (${FORUM.POLL_OPTIONS} options, live results); each guest votes once at a seeded random instant within ${FORUM.VOTE_WINDOW_MS / 1000} s, ${FORUM.DOUBLE_TAP_SHARE * 100}% send the same vote again after their ack (double tap).`,
    `Latency: vote k (k-th emitted) -> a screen receives results with voterCount >= k; over every (vote, screen) pair, and per vote until the last screen. Pairs never seen count as lost. Vote phase = window + until every screen has every vote (at most ${FORUM.SETTLE_TIMEOUT_MS / 1000} s).`,
    `atelier: production build, demo facilitator, SQLite, API_RATE_PER_MINUTE lifted (every guest is 127.0.0.1); results coalesced per ${RESULTS_COALESCE_MS} ms.`,
    `socketio-bare / socketio-coalesced: Socket.io alone with the same events, the poll in memory, no accounts, checks, attendance or storage; the tally broadcast on every vote / at most once per ${RESULTS_COALESCE_MS} ms like atelier. Floors, not products: what Socket.io itself costs for this room.`,
  ];
}

/** One table for one room size: Atelier beside the bare Socket.io floors. */
export async function runForumSection(
  workspace: BenchWorkspace,
  participants: number,
  servers: readonly ForumServerKind[],
): Promise<SectionResult> {
  const title = `forum votes: ${participants.toLocaleString('en-US')} participants, one poll, every vote within ${FORUM.VOTE_WINDOW_MS / 1000} s`;
  const section: SectionResult = {
    title,
    notes: methodNotes(participants),
    metrics: FORUM_METRICS,
    values: {},
    columns: FORUM_SERVERS,
    ratios: [
      { ours: 'atelier', theirs: 'socketio-bare' },
      { ours: 'atelier', theirs: 'socketio-coalesced' },
    ],
  };
  for (const kind of servers) {
    printProgress(`${title} :: ${kind}`);
    section.values[kind] = await runForumVotes(workspace, kind, participants);
  }
  return section;
}
