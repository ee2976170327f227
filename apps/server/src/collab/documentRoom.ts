import * as Y from 'yjs';
import { validateUpdateV1 } from '@atelier/collab';
import { mayEditText } from '@atelier/domain';
import { CollabCloseCode, type PresentPerson } from '@atelier/protocol';
import type { CollabConnection } from './collabConnection';
import { encodeBinaryFrames } from './webSocketFrames';
import { RoomAwareness, type IncomingAwarenessEntry } from './roomAwareness';
import {
  encodeAccessStateMessage,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from './outgoingMessages';

/**
 * Structural limits for one client message. The message size limit already bounds the work;
 * these only need to let a legitimate first sync of a long offline session through.
 */
/** How often paced presence renewals go out while some wait (see RoomAwareness). */
const RENEWAL_PACE_MS = 100;

const UNTRUSTED_UPDATE_LIMITS = { maxStructs: 1_000_000, maxDeleteRanges: 1_000_000 };

/** Result of applying one untrusted update: what to tell the sender when it was refused. */
export type ClientUpdateResult =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly reason: string; readonly detail: string };

/**
 * Everything one flush will do for this room once its updates are durable: computed when the
 * batch is taken, so that no client is ever sent content that is not yet stored.
 */
export interface RoomFlushBatch {
  readonly room: DocumentRoom;
  /** Updates to append to the store, in arrival order. */
  readonly updates: readonly Uint8Array[];
  /** Frames for every connection, already encoded. */
  readonly broadcastFrames: readonly Uint8Array[];
  /** Frames for particular connections (sync replies to joiners, awareness snapshots). */
  readonly directFrames: ReadonlyMap<CollabConnection, Uint8Array[]>;
}

/**
 * One document in memory: its Y.Doc, its connections and presence, and what arrived since the
 * last flush. All Yjs work on the document happens here, on validated input only.
 */
export class DocumentRoom {
  readonly connections = new Set<CollabConnection>();
  readonly awareness = new RoomAwareness();
  /** Seq of the newest durable update, and how many are in the log since the snapshot. */
  lastSeq: number;
  logLength: number;
  private unpersistedUpdates: Uint8Array[] = [];
  private readonly pendingSyncReplies = new Map<CollabConnection, Uint8Array>();
  private readonly pendingAwarenessReplies = new Set<CollabConnection>();
  private fullStateCache: Uint8Array | null = null;
  private destroyed = false;
  private renewalTimer: NodeJS.Timeout | null = null;
  /** People whose edits arrived since the read model last looked (for "who contributed"). */
  readonly contributorsSinceLastChange = new Set<string>();
  /** Set when storage refused a batch: the in-memory document is ahead of the store, drop it. */
  storageFailed = false;

  constructor(
    readonly docName: string,
    readonly doc: Y.Doc,
    loaded: { lastSeq: number; logLength: number },
    private readonly onDirty: (room: DocumentRoom) => void,
  ) {
    this.lastSeq = loaded.lastSeq;
    this.logLength = loaded.logLength;
    // Registered after loading: only what clients send from now on goes to the store.
    doc.on('update', (update: Uint8Array) => {
      this.unpersistedUpdates.push(update);
      this.fullStateCache = null;
    });
  }

  get isIdle(): boolean {
    return (
      this.connections.size === 0 &&
      this.unpersistedUpdates.length === 0 &&
      this.pendingSyncReplies.size === 0
    );
  }

  admit(connection: CollabConnection): void {
    this.connections.add(connection);
    connection.send(
      encodeAccessStateMessage({
        access: connection.access,
        ...(connection.readOnlyReason ? { readOnlyReason: connection.readOnlyReason } : {}),
      }),
    );
    // Our sync step 1 invites the client to send what we lack; pointless for read-only ones.
    if (mayEditText(connection.access)) connection.send(encodeSyncStep1(this.doc));
  }

  /** Who has the document open, one entry per person (their strongest access). */
  presentPeople(): PresentPerson[] {
    const byPerson = new Map<string, PresentPerson>();
    let anonymous = 0;
    for (const connection of this.connections) {
      const principal = connection.principal;
      const key = principal ? principal.userId : `anonymous:${anonymous++}`;
      const previous = byPerson.get(key);
      if (previous && (previous.access === 'edit' || connection.access !== 'edit')) continue;
      byPerson.set(key, {
        userId: principal?.userId ?? null,
        name: principal?.displayName ?? null,
        organisation: principal?.organisationName ?? null,
        access: connection.access,
      });
    }
    return [...byPerson.values()];
  }

  /** Applies a new access level to an open connection and tells the client. */
  changeAccess(
    connection: CollabConnection,
    access: CollabConnection['access'],
    readOnlyReason: CollabConnection['readOnlyReason'],
  ): void {
    const becameEditor = !mayEditText(connection.access) && mayEditText(access);
    connection.access = access;
    connection.editsRefusedNotified = false;
    connection.readOnlyReason = readOnlyReason;
    connection.send(
      encodeAccessStateMessage({ access, ...(readOnlyReason ? { readOnlyReason } : {}) }),
    );
    if (becameEditor) connection.send(encodeSyncStep1(this.doc));
  }

  remove(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    this.pendingSyncReplies.delete(connection);
    this.pendingAwarenessReplies.delete(connection);
    if (this.awareness.removeConnection(connection)) this.onDirty(this);
    else if (this.connections.size === 0) this.onDirty(this);
  }

  /** A client's sync step 1: answered at the next flush, once everything it will see is stored. */
  requestSync(connection: CollabConnection, stateVector: Uint8Array): void {
    this.pendingSyncReplies.set(connection, stateVector);
    this.pendingAwarenessReplies.add(connection);
    this.onDirty(this);
  }

  requestAwareness(connection: CollabConnection): void {
    this.pendingAwarenessReplies.add(connection);
    this.onDirty(this);
  }

  applyClientUpdate(connection: CollabConnection, update: Uint8Array): ClientUpdateResult {
    const validation = validateUpdateV1(update, UNTRUSTED_UPDATE_LIMITS);
    if (!validation.ok) return { ok: false, reason: validation.reason, detail: validation.detail };
    const before = this.unpersistedUpdates.length;
    try {
      // Validation checks the bytes, not the document: a struct re-claiming clocks we already
      // hold with other content would make Yjs throw half-way through a transaction. Trimming
      // to what we lack first means only new structs are ever integrated.
      const unseen = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
      Y.applyUpdate(this.doc, unseen, connection);
    } catch (error) {
      return { ok: false, reason: 'apply_failed', detail: (error as Error).message };
    }
    // A single server holds everything its clients have seen, so an honest client never sends
    // an update whose dependencies are missing. Such structs would wait in memory forever.
    const store = this.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      store.pendingStructs = null;
      store.pendingDs = null;
      return {
        ok: false,
        reason: 'missing_dependencies',
        detail: 'update depends on unknown content',
      };
    }
    const changed = this.unpersistedUpdates.length > before;
    if (changed) {
      if (connection.principal) this.contributorsSinceLastChange.add(connection.principal.userId);
      this.onDirty(this);
    }
    return { ok: true, changed };
  }

  applyAwareness(connection: CollabConnection, entries: readonly IncomingAwarenessEntry[]) {
    const result = this.awareness.apply(connection, entries);
    if (result.ok) this.onDirty(this);
    return result;
  }

  /**
   * Takes what arrived since the last flush and prepares every frame the flush will send once
   * the updates are durable. The document's state at this instant is exactly what will be stored.
   */
  takeFlushBatch(): RoomFlushBatch {
    const updates = this.unpersistedUpdates;
    this.unpersistedUpdates = [];
    const broadcastFrames: Uint8Array[] = [];
    if (updates.length > 0) {
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      broadcastFrames.push(encodeUpdateMessage(merged));
    }
    const awarenessChanges = this.awareness.takeChanges();
    if (awarenessChanges) broadcastFrames.push(encodeAwarenessMessage(awarenessChanges));
    if (this.awareness.pendingRenewals > 0) this.scheduleRenewalFlush();

    const directFrames = new Map<CollabConnection, Uint8Array[]>();
    for (const [connection, stateVector] of this.pendingSyncReplies) {
      directFrames.set(connection, [encodeSyncStep2(this.stateSince(stateVector))]);
    }
    this.pendingSyncReplies.clear();
    if (this.pendingAwarenessReplies.size > 0) {
      const snapshot = this.awareness.fullUpdate();
      if (snapshot) {
        const frame = encodeAwarenessMessage(snapshot);
        for (const connection of this.pendingAwarenessReplies) {
          const frames = directFrames.get(connection) ?? [];
          frames.push(frame);
          directFrames.set(connection, frames);
        }
      }
      this.pendingAwarenessReplies.clear();
    }
    return { room: this, updates, broadcastFrames, directFrames };
  }

  /**
   * Sends a flushed batch: each joiner's direct replies first (its base), then the broadcast,
   * framed once and written to each connection in a single write. Returns what was sent.
   */
  publish(batch: RoomFlushBatch): { messages: number; bytes: number } {
    let messages = 0;
    let bytes = 0;
    for (const [connection, frames] of batch.directFrames) {
      if (connection.sendFrames(encodeBinaryFrames(frames))) {
        messages += frames.length;
        bytes += byteLengthOf(frames);
      }
    }
    if (batch.broadcastFrames.length > 0) {
      const framed = encodeBinaryFrames(batch.broadcastFrames);
      const payloadBytes = byteLengthOf(batch.broadcastFrames);
      for (const connection of this.connections) {
        if (connection.sendFrames(framed)) {
          messages += batch.broadcastFrames.length;
          bytes += payloadBytes;
        }
      }
    }
    return { messages, bytes };
  }

  /** Storage refused the batch: nobody was sent it; everyone reconnects and resends. */
  failStorage(): void {
    this.storageFailed = true;
    for (const connection of this.connections) {
      connection.close(CollabCloseCode.StorageUnavailable, 'persisting the document failed');
    }
    this.connections.clear();
  }

  get hasUnpersistedWork(): boolean {
    return (
      this.unpersistedUpdates.length > 0 ||
      this.pendingSyncReplies.size > 0 ||
      this.pendingAwarenessReplies.size > 0
    );
  }

  encodeSnapshot(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Paced presence renewals are waiting: come back for them shortly, even if nothing else moves. */
  private scheduleRenewalFlush(): void {
    if (this.renewalTimer || this.destroyed) return;
    this.renewalTimer = setTimeout(() => {
      this.renewalTimer = null;
      if (!this.destroyed) this.onDirty(this);
    }, RENEWAL_PACE_MS);
    this.renewalTimer.unref();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.renewalTimer) clearTimeout(this.renewalTimer);
    this.doc.destroy();
  }

  private stateSince(stateVector: Uint8Array): Uint8Array {
    // Joiners with an empty document are the common case (a forum audience): encode once.
    if (stateVector.length === 1 && stateVector[0] === 0) {
      this.fullStateCache ??= Y.encodeStateAsUpdate(this.doc);
      return this.fullStateCache;
    }
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }
}

function byteLengthOf(frames: readonly Uint8Array[]): number {
  let total = 0;
  for (const frame of frames) total += frame.byteLength;
  return total;
}
