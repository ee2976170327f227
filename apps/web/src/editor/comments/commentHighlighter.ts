import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';

import { debounce, type Debounced } from './debounce';
import { $draftTextLayout } from './draftTextLayout';
import { domRangesOf, rangesContain } from './passageDom';
import { resolveThreadPassages, type AnchoredThread, type ThreadPassage } from './threadPassages';

/** `::highlight()` names (comments.css). One editor per page, so page-wide names are fine. */
export const HIGHLIGHT_OPEN = 'atelier-comment';
export const HIGHLIGHT_ACTIVE = 'atelier-comment-active';

/** Quiet time after the last document update before passages are resolved again. */
const RESOLVE_QUIET_MS = 150;
/** While updates keep coming (a remote writer never pauses), resolve at least this often. */
const RESOLVE_MAX_WAIT_MS = 750;
/** The editor was behind the document: look again soon. */
const STALE_RETRY_MS = 50;
/**
 * User Timing name of a resolution pass (DevTools' performance panel shows it; the threads
 * benchmark reads it). Each entry is cleared once made: observers still receive it, the page's
 * timeline buffer does not grow.
 */
export const RESOLVE_MEASURE = 'atelier:comment-highlights';

export interface PlacedPassage {
  readonly passage: ThreadPassage;
  /** Live DOM ranges, one per text node the passage covers. */
  readonly ranges: readonly Range[];
}

function highlightRegistry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
    ? CSS.highlights
    : null;
}

/**
 * Whether an edit may have moved a thread's passage: it is not placed (detached, or not rendered
 * when last resolved), or one of its text nodes changed, or the editor replaced its DOM.
 */
export function passageMayHaveMoved(
  placed: PlacedPassage | undefined,
  dirtyKeys: ReadonlySet<string>,
): boolean {
  return (
    placed === undefined ||
    placed.ranges.length === 0 ||
    placed.passage.segments.some((segment) => dirtyKeys.has(segment.key)) ||
    placed.ranges.some(
      (range) => !range.startContainer.isConnected || !range.endContainer.isConnected,
    )
  );
}

/**
 * Paints the anchored passages of a draft's threads with the CSS Custom Highlight API: ranges
 * over the editor's DOM, registered in `CSS.highlights`, never a mark in the shared document nor
 * a node in the editor. Open threads are highlighted, the active thread (selected in the panel)
 * is emphasised whatever its status, resolved threads are not highlighted (their discussion is
 * over; "Voir le passage" still shows them), detached ones have no passage.
 *
 * Passages are resolved against the Yjs document, so they follow the CRDT anchor. All of them
 * when the threads or the document change; after an edit, only those it may have moved, debounced:
 * the threads with a passage in a text node the edit changed, or whose DOM the editor replaced,
 * and those not placed (detached, or not rendered yet). Every other passage's live DOM ranges
 * are still right, since the editor left their text nodes alone; ranges also follow the text
 * typed in this browser until the next pass.
 */
export class CommentHighlighter {
  private doc: Y.Doc | null = null;
  private threads: readonly AnchoredThread[] = [];
  private activeThreadId: string | null = null;
  private placed = new Map<string, PlacedPassage>();
  /** Text nodes changed since the last pass. */
  private readonly dirtyKeys = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly resolveSoon: Debounced;
  private staleRetry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly editor: LexicalEditor) {
    this.resolveSoon = debounce(() => this.resolveChanged(), RESOLVE_QUIET_MS, RESOLVE_MAX_WAIT_MS);
  }

  /** The draft's document (null until the editor is bound); follows the editor's updates. */
  setDoc(doc: Y.Doc | null): () => void {
    this.doc = doc;
    this.resolveAll();
    if (doc === null) return () => undefined;
    return this.editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      // A selection move changes nothing: no pass.
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      for (const key of dirtyLeaves) this.dirtyKeys.add(key);
      this.resolveSoon.schedule();
    });
  }

  /**
   * The threads as the panel has them. A refetch that brings the same threads (their passages'
   * positions as the server counts them change at every edit, and do not matter here) resolves
   * nothing; only new threads, and those whose anchor or status changed, are resolved.
   */
  setThreads(threads: readonly AnchoredThread[]): void {
    const previous = new Map(this.threads.map((thread) => [thread.id, thread]));
    this.threads = threads;
    const current = new Set(threads.map((thread) => thread.id));
    for (const threadId of [...this.placed.keys()])
      if (!current.has(threadId)) this.placed.delete(threadId);
    const changed = threads.filter((thread) => {
      const before = previous.get(thread.id);
      return (
        before === undefined ||
        !this.placed.has(thread.id) ||
        before.status !== thread.status ||
        before.anchor?.start !== thread.anchor?.start ||
        before.anchor?.end !== thread.anchor?.end
      );
    });
    for (const thread of changed) this.placed.delete(thread.id);
    this.resolveThreads(changed);
  }

  setActiveThread(threadId: string | null): void {
    if (this.activeThreadId === threadId) return;
    this.activeThreadId = threadId;
    this.paint();
  }

  /** Called after every resolution (a caret hint listens). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ids of the threads whose passage holds this DOM point, in panel order. */
  threadsAt(node: Node, offset: number): string[] {
    return this.threads.flatMap((thread) => {
      const placed = this.placed.get(thread.id);
      return placed && rangesContain(placed.ranges, node, offset) ? [thread.id] : [];
    });
  }

  /** A thread's passage resolved right now, or null when it is detached or not rendered yet. */
  placeNow(threadId: string): PlacedPassage | null {
    const thread = this.threads.find((candidate) => candidate.id === threadId);
    if (thread === undefined || this.doc === null) return null;
    const [passage] = this.resolve([thread]).passages;
    if (passage === undefined) return null;
    const placed = this.place(passage);
    return placed.ranges.length > 0 ? placed : null;
  }

  /** Every thread again: the threads or the document changed. */
  resolveAll(): void {
    this.dirtyKeys.clear();
    this.placed = new Map();
    this.resolveThreads(this.threads);
  }

  dispose(): void {
    this.resolveSoon.cancel();
    clearTimeout(this.staleRetry);
    const registry = highlightRegistry();
    registry?.delete(HIGHLIGHT_OPEN);
    registry?.delete(HIGHLIGHT_ACTIVE);
  }

  /** After edits: only the threads the edits may have moved (see the class comment). */
  private resolveChanged(): void {
    const changed = this.threads.filter(
      (thread) =>
        thread.anchor !== null && passageMayHaveMoved(this.placed.get(thread.id), this.dirtyKeys),
    );
    this.dirtyKeys.clear();
    for (const thread of changed) this.placed.delete(thread.id);
    this.resolveThreads(changed);
  }

  private resolveThreads(threads: readonly AnchoredThread[]): void {
    const startedAt = performance.now();
    this.resolveSoon.cancel();
    clearTimeout(this.staleRetry);
    const { passages, stale } =
      this.doc === null || threads.length === 0
        ? { passages: [], stale: false }
        : this.resolve(threads);
    for (const passage of passages) this.placed.set(passage.threadId, this.place(passage));
    this.paint();
    performance.measure(RESOLVE_MEASURE, { start: startedAt, detail: { threads: threads.length } });
    performance.clearMeasures(RESOLVE_MEASURE);
    if (stale) this.staleRetry = setTimeout(() => this.resolveChanged(), STALE_RETRY_MS);
    for (const listener of this.listeners) listener();
  }

  private resolve(threads: readonly AnchoredThread[]) {
    const doc = this.doc!;
    // The last committed state is the one on screen, which the DOM ranges are made in.
    const layout = this.editor.getEditorState().read(() => $draftTextLayout());
    return resolveThreadPassages(doc, layout, threads);
  }

  private place(passage: ThreadPassage): PlacedPassage {
    return {
      passage,
      ranges: domRangesOf(passage.segments, (key) => this.editor.getElementByKey(key)),
    };
  }

  private paint(): void {
    const registry = highlightRegistry();
    if (registry === null) return;
    const open: Range[] = [];
    const active: Range[] = [];
    for (const { passage, ranges } of this.placed.values()) {
      if (passage.threadId === this.activeThreadId) active.push(...ranges);
      else if (passage.status === 'open') open.push(...ranges);
    }
    registry.set(HIGHLIGHT_OPEN, new Highlight(...open));
    registry.set(HIGHLIGHT_ACTIVE, new Highlight(...active));
  }
}
