/// <reference lib="dom" />
/**
 * Code that runs inside the page (serialized with `toString()`: self-contained, no imports).
 * Timestamps are the page's `performance.now()`, whose origin is the navigation start.
 */

export interface ThreadsShownSignals {
  /** The Lexical contenteditable. */
  editor: string;
  /** One element per thread in the comments panel. */
  threadItems: string;
  /** The panel's status line ("Chargement…" while the threads load, then their count). */
  panelLoading: string;
  /** The CSS.highlights name of open threads' passages. */
  highlight: string;
}

interface ThreadsBenchState {
  panelMs?: number;
  highlightsMs?: number;
  /** The editor's highlight resolution passes (User Timing, see commentHighlighter.ts). */
  passes: ResolvePass[];
}

export interface ResolvePass {
  /** Page time the pass started. */
  atMs: number;
  durationMs: number;
  /** Threads resolved in that pass. */
  threads: number;
}

/** `CSS.highlights` is map-like; the DOM typings here lack DOM.Iterable, which declares `get`. */
type HighlightMap = Map<string, { readonly size: number }>;

declare global {
  interface Window {
    __atelierThreadsBench?: ThreadsBenchState;
  }
}

/**
 * Init script: checks once per frame (a requestAnimationFrame callback runs right before the
 * frame is painted) whether the panel lists every thread, and whether every passage is
 * highlighted, and records the first frame where each holds.
 */
export function installThreadsShownProbe(options: {
  signals: ThreadsShownSignals;
  expected: number;
  resolveMeasure: string;
}): void {
  const { signals, expected } = options;
  const state: ThreadsBenchState = { passes: [] };
  window.__atelierThreadsBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName(options.resolveMeasure)) {
      const detail = (entry as PerformanceMeasure).detail as { threads?: number } | null;
      state.passes.push({
        atMs: entry.startTime,
        durationMs: entry.duration,
        threads: detail?.threads ?? 0,
      });
    }
  }).observe({ type: 'measure' });
  const draftShown = (): boolean =>
    (document.querySelector(signals.editor)?.textContent ?? '').trim() !== '';
  const panelShown = (): boolean => {
    const status = document.querySelector(signals.panelLoading);
    if (status === null || /Chargement|Loading/.test(status.textContent ?? '')) return false;
    return document.querySelectorAll(signals.threadItems).length === expected;
  };
  const highlighted = (): number =>
    typeof CSS !== 'undefined' && 'highlights' in CSS
      ? ((CSS.highlights as unknown as HighlightMap).get(signals.highlight)?.size ?? 0)
      : 0;
  const tick = () => {
    const now = performance.now();
    if (state.panelMs === undefined && panelShown()) state.panelMs = now;
    if (
      state.highlightsMs === undefined &&
      state.panelMs !== undefined &&
      draftShown() &&
      highlighted() >= expected
    )
      state.highlightsMs = now;
    if (state.panelMs === undefined || state.highlightsMs === undefined)
      requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Both times once both are known, or false (for `waitForFunction`). */
export function readThreadsShown(): { panelMs: number; highlightsMs: number } | false {
  const state = window.__atelierThreadsBench;
  if (state?.panelMs === undefined || state.highlightsMs === undefined) return false;
  return { panelMs: state.panelMs, highlightsMs: state.highlightsMs };
}

export function readHighlightedRanges(name: string): number {
  return (CSS.highlights as unknown as HighlightMap).get(name)?.size ?? 0;
}

/** The resolution passes that started at or after `sinceMs` (page time). */
export function readResolvePasses(sinceMs: number): ResolvePass[] {
  return (window.__atelierThreadsBench?.passes ?? []).filter((pass) => pass.atMs >= sinceMs);
}

export function pageNow(): number {
  return performance.now();
}
