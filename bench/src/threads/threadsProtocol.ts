import type { ResolvePass } from './threadsProbes';

/** Orchestrator -> threads workload process, as its one command-line argument (JSON). */
export interface ThreadsLoadParams {
  /** http://127.0.0.1:<port>, the server's PUBLIC_ORIGIN. */
  origin: string;
  /** The core Chromium is pinned to. */
  chromiumCpu: string;
  /** Where the Chromium wrapper script may be written. */
  scratchDir: string;
  /** Thread counts to measure, one fresh draft each. */
  threadCounts: number[];
}

/** One draft carrying `threads` anchored threads, opened in Chromium. */
export interface ThreadsSample {
  threads: number;
  /** Navigation start -> every thread listed in the panel (page clock). */
  panelShownMs: number | null;
  /** Navigation start -> every thread's passage highlighted (CSS.highlights). */
  highlightsShownMs: number | null;
  /** Highlighted ranges at the end of loading (one per passage when each is in one text node). */
  highlightedRanges: number;
  /** Keydown -> after the next paint, one per key, all highlights on. */
  keyToPaintMs: number[];
  keypresses: number;
  /** Whether the keys typed are all in the draft afterwards. */
  typedTextIntact: boolean;
  /** Whether the highlights still cover every passage after typing. */
  highlightsAfterTyping: number;
  /** Chromium's JS heap after a forced garbage collection (CDP Performance.getMetrics). */
  jsHeapUsedMb: number;
  /** Seeding time (REST + y-websocket), not part of the measure. */
  seedingMs: number;
  /** Highlight resolution passes while the page loaded (the first resolves every thread). */
  loadPasses: ResolvePass[];
  /** Passes while typing (debounced, each on the threads the edits may have moved). */
  typingPasses: ResolvePass[];
}

export interface ThreadsLoadResult {
  chromiumVersion: string;
  /** Characters of text in each seeded draft. */
  draftChars: number;
  samples: ThreadsSample[];
}
