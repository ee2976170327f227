import WebSocket from 'ws';
import { rawDataLength } from './countingWebSocket';
import { countDelivery } from './deliveryCounter';
import { recordServerClose } from './serverCloses';
import { encodeSingleAwarenessUpdate, type WireDialect } from './wireDialect';

/** Stock clients renew their awareness state every 15 s (y-protocols outdatedTimeout / 2). */
export const AWARENESS_RENEW_MS = 15_000;

const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/**
 * A reader that costs the load generator almost nothing: a raw socket that does the y-websocket
 * handshake (sync step 1 with an empty state vector, one awareness state), then only counts what
 * it receives. It inspects frames only until it has seen the server's sync step 2.
 */
export class AudienceSocket {
  private readonly socket: WebSocket;
  private readonly clientId = 1 + Math.floor(Math.random() * 0x7fff_ffff);
  private awarenessClock = 0;
  private synced = false;
  private closed = false;
  private closedByUs = false;
  private readonly syncedWaiters: Array<() => void> = [];

  constructor(
    url: string,
    private readonly dialect: WireDialect,
    private readonly docName: string,
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('open', () => this.handshake());
    this.socket.on('message', (data) => this.receive(data));
    this.socket.on('close', (code) => {
      this.closed = true;
      if (!this.closedByUs) recordServerClose(code);
    });
    // Errors are followed by 'close'; without a listener `ws` would throw.
    this.socket.on('error', () => undefined);
  }

  get isSynced() {
    return this.synced;
  }

  get isClosed() {
    return this.closed;
  }

  /** Resolves when synced; resolves false if the socket closes first. */
  whenSynced(): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.syncedWaiters.push(() => resolve(true));
      this.socket.once('close', () => resolve(this.synced));
    });
  }

  renewAwareness(): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.awarenessClock += 1;
    const update = encodeSingleAwarenessUpdate(this.clientId, this.awarenessClock, {
      user: { name: `reader-${this.clientId}` },
    });
    this.socket.send(this.dialect.awareness(this.docName, update));
  }

  close(): void {
    this.closedByUs = true;
    this.socket.terminate();
  }

  private handshake() {
    for (const opening of this.dialect.openingFrames(this.docName)) this.socket.send(opening);
    this.socket.send(this.dialect.syncStep1(this.docName, EMPTY_STATE_VECTOR));
    this.renewAwareness();
  }

  private receive(data: WebSocket.RawData) {
    countDelivery(rawDataLength(data));
    if (this.synced || !Buffer.isBuffer(data)) return;
    if (this.dialect.readSyncStep2(data) === null) return;
    this.synced = true;
    for (const resolve of this.syncedWaiters.splice(0)) resolve();
  }
}
