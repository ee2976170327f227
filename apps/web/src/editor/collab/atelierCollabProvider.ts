import type { ReadOnlyReason } from '@atelier/domain';
import {
  collabCloseDescriptions,
  CollabMessageType,
  type CollabCloseCode,
} from '@atelier/protocol';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

import type { ClientAccessState } from './accessState';
import { readAuthMessage } from './authMessage';
import { deleteOfflineCopy, offlineDatabaseName } from './offlineCopy';
import type { ConnectionEvent } from './connectionState';
import {
  firstConnectDelayMs,
  ONLINE_AGAIN_JITTER_MS,
  RECONNECT_MAX_BACKOFF_MS,
  reconnectDelayMs,
} from './reconnectDelay';

export interface CollabListeners {
  readonly onConnection: (event: ConnectionEvent) => void;
  readonly onAccess: (state: ClientAccessState) => void;
  /**
   * The server dropped edits from this document (sent in the instant before this tab heard it
   * may no longer edit). By now the provider has stopped and deleted the offline copy; the
   * document still holds the refused edits and must be replaced by a fresh one.
   */
  readonly onLocalChangesDiscarded: (readOnlyReason: ReadOnlyReason | null) => void;
}

export interface AtelierCollabProviderOptions {
  readonly serverUrl: string;
  readonly docName: string;
  readonly doc: Y.Doc;
  readonly listeners: CollabListeners;
  /** Colour this person chose; the server keeps it and fills in who they are. */
  readonly color: string;
  /** Keep a copy in IndexedDB so offline edits survive a reload. */
  readonly persistOffline: boolean;
}

/** Our close codes say whether to come back; unknown 44xx codes follow the y-websocket rule. */
export function shouldReconnectAfter(code: number): boolean {
  const described = collabCloseDescriptions[code as CollabCloseCode] as
    { reconnect: boolean } | undefined;
  if (described) return described.reconnect;
  return !(code >= 4400 && code < 4500);
}

export function closeReasonOf(code: number, reason: string): string {
  return collabCloseDescriptions[code as CollabCloseCode]?.reason ?? (reason || `code_${code}`);
}

/**
 * The stock y-websocket provider with what Atelier needs around it:
 * - reads the server's AccessState messages (editable or not, and why), live;
 * - on EditsRefused, stops and deletes its offline copy, so that edits the server refused are
 *   never sent again (see discardLocalChanges);
 * - decides reconnection from our close codes, and reconnects with jitter (see reconnectDelay);
 * - waits a random 0–250 ms before its first connection;
 * - starts the IndexedDB copy only when Lexical connects, i.e. once its binding exists: the
 *   binding only renders content that arrives after it was created;
 * - publishes `user.color` in awareness (the server fills in the rest of `user`).
 */
export class AtelierCollabProvider extends WebsocketProvider {
  private persistence: IndexeddbPersistence | null = null;
  private pendingConnect: ReturnType<typeof setTimeout> | null = null;
  private firstConnect = true;
  /** Its document holds refused edits: this provider never connects again. */
  private discarded = false;
  /** The app wants a connection (Lexical called connect() and not disconnect() since). */
  private wanted = false;
  private readonly listeners: CollabListeners;
  private readonly options: AtelierCollabProviderOptions;
  private readonly onBrowserOffline = () => {
    this.listeners.onConnection({ type: 'browser_offline' });
    // A socket can look open for a long while after the network went away; close it so that
    // edits pile up locally (and in IndexedDB) and are exchanged by the next sync handshake.
    this.ws?.close();
  };
  private readonly onBrowserOnline = () => {
    this.listeners.onConnection({ type: 'browser_online' });
    if (!this.wanted || this.wsconnected || this.ws !== null) return;
    // Come back soon rather than at the end of a long back-off, yet not all tabs at once.
    this.scheduleConnect(Math.round(Math.random() * ONLINE_AGAIN_JITTER_MS));
  };

  constructor(options: AtelierCollabProviderOptions) {
    super(options.serverUrl, options.docName, options.doc, {
      connect: false,
      disableBc: true, // the server is the only authority on who may change the draft
      maxBackoffTime: RECONNECT_MAX_BACKOFF_MS,
      shouldReconnect: (event) => shouldReconnectAfter(event.code),
    });
    this.options = options;
    this.listeners = options.listeners;

    this.messageHandlers[CollabMessageType.Auth] = (_encoder, decoder) => {
      const message = readAuthMessage(decoder);
      if (message.kind === 'access_state') this.listeners.onAccess(message.state);
      if (message.kind === 'permission_denied') {
        this.listeners.onAccess({ access: 'view', readOnlyReason: null });
      }
      if (message.kind === 'edits_refused') {
        void this.discardLocalChanges().then(() =>
          this.listeners.onLocalChangesDiscarded(message.readOnlyReason),
        );
      }
    };

    this.on('status', ({ status }) => {
      if (status === 'connected') this.listeners.onConnection({ type: 'connected' });
      if (status === 'connecting') this.listeners.onConnection({ type: 'connecting' });
    });
    this.on('sync', (synced) => {
      if (synced) this.listeners.onConnection({ type: 'synced' });
    });
    this.on('connection-close', (event) => this.takeOverReconnect(event));
    this.on('closed', ({ code, reason }) =>
      this.listeners.onConnection({ type: 'closed_for_good', reason: closeReasonOf(code, reason) }),
    );
    window.addEventListener('offline', this.onBrowserOffline);
    window.addEventListener('online', this.onBrowserOnline);
  }

  override connect(): void {
    if (this.discarded) return;
    this.wanted = true;
    if (this.firstConnect) {
      this.firstConnect = false;
      this.startOfflineCopy();
      this.publishColour();
      this.scheduleConnect(firstConnectDelayMs());
      return;
    }
    if (this.pendingConnect !== null) return;
    this.publishColour();
    super.connect();
  }

  override disconnect(): void {
    this.wanted = false;
    this.clearPendingConnect();
    super.disconnect();
  }

  override destroy(): void {
    window.removeEventListener('offline', this.onBrowserOffline);
    window.removeEventListener('online', this.onBrowserOnline);
    this.clearPendingConnect();
    void this.persistence?.destroy();
    this.persistence = null;
    super.destroy();
  }

  /** Resolves once the offline copy has been read into the document (at once when none). */
  whenOfflineCopyLoaded(): Promise<void> {
    return this.persistence ? this.persistence.whenSynced.then(() => undefined) : Promise.resolve();
  }

  /**
   * This document holds edits the server refused: stop at once, so that nothing more leaves it
   * (an unlock, or the next sync handshake, would send them to everyone), and delete the offline
   * copy, which holds them too. The provider stays stopped; the app replaces the document.
   */
  async discardLocalChanges(): Promise<void> {
    this.discarded = true;
    this.disconnect();
    const persistence = this.persistence;
    this.persistence = null;
    if (persistence) await persistence.destroy(); // closes the database, so that it can go
    if (this.options.persistOffline) await deleteOfflineCopy(this.options.docName);
  }

  private startOfflineCopy(): void {
    if (!this.options.persistOffline || this.persistence) return;
    this.persistence = new IndexeddbPersistence(
      offlineDatabaseName(this.options.docName),
      this.options.doc,
    );
  }

  /** Lexical replaces the whole local state on start; the colour goes back in under `user`. */
  private publishColour(): void {
    const local = this.awareness.getLocalState();
    if (local === null) return;
    const user = (local as { user?: { color?: string } }).user;
    if (user?.color !== this.options.color) {
      this.awareness.setLocalStateField('user', { color: this.options.color });
    }
  }

  private scheduleConnect(delayMs: number): void {
    this.clearPendingConnect();
    this.pendingConnect = setTimeout(() => {
      this.pendingConnect = null;
      super.connect();
    }, delayMs);
  }

  private clearPendingConnect(): void {
    if (this.pendingConnect !== null) clearTimeout(this.pendingConnect);
    this.pendingConnect = null;
  }

  /**
   * The base class schedules its own, jitter-free reconnect right after this event. Unless the
   * close was deliberate (ours, or a refusal the server means), we stand it down by clearing
   * `shouldConnect` and come back ourselves after a jittered delay.
   */
  private takeOverReconnect(event: CloseEvent | null): void {
    if (!this.shouldConnect) return; // provider.disconnect(): the app asked for it
    if (event !== null && !shouldReconnectAfter(event.code)) return; // `closed` follows
    this.listeners.onConnection({ type: 'disconnected' });
    this.shouldConnect = false;
    this.scheduleConnect(reconnectDelayMs(this.wsUnsuccessfulReconnects + 1));
  }
}
