/** Orchestrator -> browser-side process, as its one command-line argument (JSON). */
export interface BrowserLoadParams {
  /** http://127.0.0.1:<port>, the server's PUBLIC_ORIGIN. */
  origin: string;
  /** The core Chromium is pinned to (through a taskset wrapper, see chromiumOnCore). */
  chromiumCpu: string;
  /** Where the wrapper script may be written. */
  scratchDir: string;
}

export interface NavigationResult {
  /** Navigation start -> editable draft painted, first visit of a fresh browser profile. */
  coldMs: number[];
  /** The same, navigating again in that profile (HTTP cache, IndexedDB copy, stored access). */
  warmMs: number[];
  /** The discarded first pair, which also warmed the server up. */
  discardedMs: number[];
}

export interface TypingResult {
  keypresses: number;
  /** Keydown timestamp -> after the next paint, one per key. */
  keyToPaintMs: number[];
  /** Event Timing durations that reached Chromium's 16 ms reporting threshold. */
  eventTimingMs: number[];
  writers: number;
  /** Remote edits sent while the keys were typed. */
  remoteEditsDuringTyping: number;
  /** Writers whose whole paragraph reached the browser after they stopped. */
  writersConverged: number;
  typedTextIntact: boolean;
  /** CPU of this process (writers + driver, off Chromium's core) while typing, % of one core. */
  writersCpuPercent: number;
  /** Close codes from the server to any writer. */
  writerServerCloses: number[];
}

export interface BrowserLoadResult {
  chromiumVersion: string;
  editorPath: string;
  navigation: NavigationResult;
  typing: TypingResult;
}
