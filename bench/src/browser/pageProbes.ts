/// <reference lib="dom" />
/**
 * Code that runs inside the page (Playwright serializes these functions with `toString()`), so
 * each one is self-contained: no imports, no closures over this module. Timestamps are the
 * page's `performance.now()`, whose origin is the navigation start.
 *
 * "After the next paint" is taken as: a requestAnimationFrame callback (runs just before the
 * frame's style, layout and paint), then a MessageChannel message posted from it, which the
 * event loop delivers once that frame's rendering steps are done.
 */

export interface EditorSignals {
  /** The Lexical contenteditable. */
  editor: string;
  /** The connection badge in its "connected" colour (apps/web/src/editor/ConnectionStatus.tsx). */
  connected: string;
}

export const EDITOR_SIGNALS: EditorSignals = {
  editor: '#draft-text',
  connected: '.atelier-connection .fr-badge--success',
};

interface BenchPageState {
  /** The editable-draft condition first held (DOM state, before paint). */
  editableAtMs?: number;
  /** The frame showing it was painted. */
  editablePaintedAtMs?: number;
  keyToPaintMs?: number[];
  /** Event Timing durations (>= 16 ms only) of keyboard interactions, by interaction id. */
  eventTimingMs?: Map<number, number>;
}

/** Chromium's Event Timing entries; TypeScript's DOM types do not know `interactionId` yet. */
type InteractionTiming = PerformanceEventTiming & { readonly interactionId: number };

declare global {
  interface Window {
    __atelierBench?: BenchPageState;
  }
}

/**
 * tsx compiles this module with esbuild's keepNames, which wraps named functions in a `__name()`
 * helper that does not exist in the page; this init script provides it, before any probe.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (target) => target;';

/**
 * Init script: records when the draft becomes editable, i.e. the contenteditable says
 * `contenteditable="true"` (the server granted edit access), the badge says connected, and the
 * synced content is rendered (the text is not empty), then when that frame is painted.
 */
export function installEditableProbe(signals: EditorSignals): void {
  const state: BenchPageState = {};
  window.__atelierBench = state;
  const editableNow = (): boolean => {
    const editor = document.querySelector(signals.editor);
    if (editor === null || editor.getAttribute('contenteditable') !== 'true') return false;
    if (document.querySelector(signals.connected) === null) return false;
    return (editor.textContent ?? '').trim() !== '';
  };
  const observer = new MutationObserver(() => {
    if (!editableNow()) return;
    observer.disconnect();
    state.editableAtMs = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.editablePaintedAtMs = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

/** The painted-editable time, or false until there is one (for `waitForFunction`). */
export function readEditablePaintedAtMs(): number | false {
  return window.__atelierBench?.editablePaintedAtMs ?? false;
}

/**
 * Measures each key typed into the editor from the key's event timestamp (when the browser
 * received the input) to after the next paint; listens in the capture phase so it starts before
 * Lexical handles the key. Also keeps the Event Timing API's view (duration from the event
 * timestamp to the next paint presented), which Chromium only reports for 16 ms and more.
 */
export function installKeyLatencyProbe(editorSelector: string): void {
  const state = window.__atelierBench ?? {};
  window.__atelierBench = state;
  const keyToPaintMs: number[] = [];
  const eventTimingMs = new Map<number, number>();
  state.keyToPaintMs = keyToPaintMs;
  state.eventTimingMs = eventTimingMs;
  document.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof Element) || event.target.closest(editorSelector) === null)
        return;
      const receivedAt = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => keyToPaintMs.push(performance.now() - receivedAt);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as InteractionTiming[]) {
      if (entry.interactionId === 0 || !['keydown', 'keypress'].includes(entry.name)) {
        continue;
      }
      const previous = eventTimingMs.get(entry.interactionId) ?? 0;
      eventTimingMs.set(entry.interactionId, Math.max(previous, entry.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
}

export function readKeyLatency(): { keyToPaintMs: number[]; eventTimingMs: number[] } {
  const state = window.__atelierBench ?? {};
  return {
    keyToPaintMs: [...(state.keyToPaintMs ?? [])],
    eventTimingMs: [...(state.eventTimingMs?.values() ?? [])],
  };
}

export function readEditorText(editorSelector: string): string {
  return document.querySelector(editorSelector)?.textContent ?? '';
}
