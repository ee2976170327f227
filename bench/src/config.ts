import { ALL_SERVERS, type ServerName } from './servers/serverSpecs';

/** Workload sizes and phase lengths; sized so the default run fits ~12 minutes on 2 cores. */
export const FANOUT = {
  DEFAULT_SIZES: [200, 1_000, 2_000],
  WRITERS: 20,
  PROBES: 5,
  /** 5 edits/s per writer. */
  EDIT_INTERVAL_MS: 200,
  JOIN_TIMEOUT_MS: 60_000,
  IDLE_SETTLE_MS: 2_000,
  WARMUP_MS: 5_000,
  MEASURE_MS: 15_000,
  SETTLE_TIMEOUT_MS: 15_000,
  /** Handshakes in flight at once; beyond this we would measure the kernel's accept backlog. */
  CONNECT_CONCURRENCY: 50,
} as const;

export const CRASH = {
  BURST_EDITS: 300,
  SYNC_TIMEOUT_MS: 15_000,
  OBSERVE_TIMEOUT_MS: 15_000,
} as const;

export const COLD_LOAD = {
  HISTORY_UPDATES: 100_000,
  UPDATES_PER_BARRIER: 1_000,
  BUILD_TIMEOUT_MS: 180_000,
  SYNC_TIMEOUT_MS: 60_000,
  /** Time a connected reader gives a compacting server before the next restart. */
  COMPACTION_SETTLE_MS: 3_000,
} as const;

export const RECONNECT_STORM = {
  CLIENTS: 1_000,
  CONNECT_CONCURRENCY: 50,
  JOIN_TIMEOUT_MS: 90_000,
  RESYNC_TIMEOUT_MS: 60_000,
} as const;

// --- web client workload (bench/src/browser) -------------------------------------------------
export const BROWSER = {
  /** Debian's Chromium; the bench never downloads a browser. */
  CHROMIUM_PATH: '/usr/bin/chromium',
  WEB_BUILD_TIMEOUT_MS: 120_000,
  /** Cold + warm pairs, after one discarded pair that warms the server up. */
  NAVIGATION_RUNS: 5,
  NAVIGATION_TIMEOUT_MS: 20_000,
  TYPED_CHARACTERS: 200,
  /** A steady typist: 20 characters a second. */
  KEY_INTERVAL_MS: 50,
  /** Frames still in flight after the last key. */
  TYPING_SETTLE_MS: 500,
  WRITERS_JOIN_TIMEOUT_MS: 20_000,
  /** Remote edits already flowing before the first measured key. */
  WRITERS_WARMUP_MS: 2_000,
  CONVERGE_TIMEOUT_MS: 15_000,
  /** The whole browser side (Chromium, writers, driver), after which it is killed. */
  RUN_TIMEOUT_MS: 150_000,
  TARGETS: { INITIAL_JS_GZIP_KB: 300, NAVIGATION_MS: 1_500, KEY_TO_PAINT_P95_MS: 50 },
} as const;

/** `servers`: the server comparisons above; `browser`: the web client workload; `forum`: votes. */
export type WorkloadGroup = 'servers' | 'browser' | 'forum' | 'threads';
export const ALL_WORKLOAD_GROUPS: readonly WorkloadGroup[] = [
  'servers',
  'browser',
  'forum',
  'threads',
];
// --- end web client workload ---------------------------------------------------------------------

// --- forum vote workload (bench/src/workloads/forumVotes*) ------------------------------------
export const FORUM = {
  DEFAULT_SIZES: [500, 1_000],
  /** Guests arrive like a room filling up: one join started every 1/JOIN_RATE_PER_S seconds. */
  JOIN_RATE_PER_S: 50,
  /** Joins in flight at once (REST join, connect, forum:join); later arrivals wait their turn. */
  JOIN_CONCURRENCY: 50,
  JOIN_TIMEOUT_MS: 90_000,
  /** Pause after the joins so attendance updates drain before the poll opens. */
  IDLE_SETTLE_MS: 2_000,
  /** Poll opened -> every screen shows it open. */
  POLL_SHOWN_TIMEOUT_MS: 10_000,
  /** Every participant votes once at a random instant within this window. */
  VOTE_WINDOW_MS: 10_000,
  /** After the window: how long the last votes may take to reach every screen. */
  SETTLE_TIMEOUT_MS: 15_000,
  ACK_TIMEOUT_MS: 10_000,
  /** Share of participants who double-tap: the same vote again right after their first ack. */
  DOUBLE_TAP_SHARE: 0.1,
  POLL_OPTIONS: 4,
  /** Random instants and choices are drawn from this seed, so runs are comparable. */
  SEED: 2021,
  TARGETS: { P99_MS: 250 },
} as const;
// --- end forum vote workload -------------------------------------------------------------------

// --- threads on a draft (bench/src/threads, BENCH_WORKLOADS=threads) --------------------------
export const THREADS = {
  /** Thread counts measured, one fresh draft each (BENCH_THREAD_COUNTS overrides). */
  DEFAULT_COUNTS: [0, 50, 200, 500, 1_000],
  /** Every measured draft holds the same text: 100 paragraphs of 10 anchorable sentences. */
  PARAGRAPHS: 100,
  PHRASES_PER_PARAGRAPH: 10,
  /** Thread creations in flight at once while seeding. */
  SEED_CONCURRENCY: 8,
  /** Navigation -> panel and highlights shown, and other page waits. */
  LOAD_TIMEOUT_MS: 60_000,
  TYPED_CHARACTERS: 120,
  /** After typing, highlights are resolved again (debounced, 150-750 ms). */
  HIGHLIGHT_SETTLE_MS: 1_500,
  /** Seeding 1,000 threads invites 200 authors and posts 1,000 comments: no REST rate limit. */
  SERVER_ENV: { API_RATE_PER_MINUTE: '1000000' },
  RUN_TIMEOUT_MS: 900_000,
  /** "The editor slows": typing p95 above the web client's target. */
  SLOW_TYPING_P95_MS: BROWSER.TARGETS.KEY_TO_PAINT_P95_MS,
} as const;
// --- end threads on a draft ---------------------------------------------------------------------

export interface BenchConfig {
  sizes: number[];
  /** Participants per forum vote run (BENCH_FORUM_SIZES). */
  forumSizes: number[];
  /** Thread counts of the threads workload (BENCH_THREAD_COUNTS). */
  threadCounts: number[];
  servers: ServerName[];
  workloads: WorkloadGroup[];
}

export class BenchConfigError extends Error {}

/**
 * Reads BENCH_SIZES (e.g. "200,1000"), BENCH_FORUM_SIZES (e.g. "500"), BENCH_THREAD_COUNTS
 * (e.g. "0,200"), BENCH_ONLY (e.g. "atelier,hocuspocus") and BENCH_WORKLOADS (e.g. "browser")
 * once, at start.
 */
export function readBenchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const problems: string[] = [];
  const sizes =
    env.BENCH_SIZES === undefined || env.BENCH_SIZES === ''
      ? [...FANOUT.DEFAULT_SIZES]
      : env.BENCH_SIZES.split(',').map((part) => Number(part.trim()));
  const minimumSize = FANOUT.WRITERS + FANOUT.PROBES;
  if (sizes.some((size) => !Number.isInteger(size) || size < minimumSize)) {
    problems.push(`BENCH_SIZES must be integers >= ${minimumSize}, got "${env.BENCH_SIZES}"`);
  }
  const forumSizes =
    env.BENCH_FORUM_SIZES === undefined || env.BENCH_FORUM_SIZES === ''
      ? [...FORUM.DEFAULT_SIZES]
      : env.BENCH_FORUM_SIZES.split(',').map((part) => Number(part.trim()));
  if (forumSizes.some((size) => !Number.isInteger(size) || size < 1)) {
    problems.push(`BENCH_FORUM_SIZES must be integers >= 1, got "${env.BENCH_FORUM_SIZES}"`);
  }
  const servers =
    env.BENCH_ONLY === undefined || env.BENCH_ONLY === ''
      ? [...ALL_SERVERS]
      : env.BENCH_ONLY.split(',').map((part) => part.trim());
  const unknown = servers.filter((name) => !ALL_SERVERS.includes(name as ServerName));
  if (unknown.length > 0) {
    problems.push(
      `BENCH_ONLY has unknown servers ${unknown.join(', ')} (known: ${ALL_SERVERS.join(', ')})`,
    );
  }
  const workloads =
    env.BENCH_WORKLOADS === undefined || env.BENCH_WORKLOADS === ''
      ? [...ALL_WORKLOAD_GROUPS]
      : env.BENCH_WORKLOADS.split(',').map((part) => part.trim());
  const unknownWorkloads = workloads.filter(
    (name) => !ALL_WORKLOAD_GROUPS.includes(name as WorkloadGroup),
  );
  if (unknownWorkloads.length > 0) {
    problems.push(
      `BENCH_WORKLOADS has unknown workloads ${unknownWorkloads.join(', ')} (known: ${ALL_WORKLOAD_GROUPS.join(', ')})`,
    );
  }
  const threadCounts =
    env.BENCH_THREAD_COUNTS === undefined || env.BENCH_THREAD_COUNTS === ''
      ? [...THREADS.DEFAULT_COUNTS]
      : env.BENCH_THREAD_COUNTS.split(',').map((part) => Number(part.trim()));
  const mostThreads = THREADS.PARAGRAPHS * THREADS.PHRASES_PER_PARAGRAPH;
  if (threadCounts.some((count) => !Number.isInteger(count) || count < 0 || count > mostThreads)) {
    problems.push(
      `BENCH_THREAD_COUNTS must be integers from 0 to ${mostThreads}, got "${env.BENCH_THREAD_COUNTS}"`,
    );
  }
  if (problems.length > 0) throw new BenchConfigError(problems.join('\n'));
  return {
    sizes,
    forumSizes,
    threadCounts,
    servers: servers as ServerName[],
    workloads: workloads as WorkloadGroup[],
  };
}
