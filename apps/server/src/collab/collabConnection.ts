import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { DocumentAccess, ReadOnlyReason } from '@atelier/domain';
import { CollabCloseCode, collabCloseDescriptions } from '@atelier/protocol';
import type { CollabLimits } from '../config/env';
import type { Logger } from '../logging/logger';
import type { CollabMetrics } from '../metrics/collabMetrics';
import type { CollabPrincipal } from './documentAccessPolicy';
import { TokenBucket } from './tokenBucket';
import { encodeBinaryFrames } from './webSocketFrames';

/** A flood is judged over a few seconds, so a burst (an offline client catching up) passes. */
const RATE_BURST_SECONDS = 3;
/** A client that ignores our close frame (a slow reader cannot even read it) is cut after this. */
const CLOSE_HANDSHAKE_TIMEOUT_MS = 2_000;

let nextConnectionId = 1;

/**
 * One WebSocket on `/collab/<docName>`: who it is, what it may do, its rate limits and a
 * bounded send path. It knows nothing of Yjs; the room decides what to send.
 */
export class CollabConnection {
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection has published; nobody else may publish for them. */
  readonly awarenessClientIds = new Set<number>();
  private readonly messageBucket: TokenBucket;
  private readonly byteBucket: TokenBucket;
  private readonly awarenessBucket: TokenBucket;
  private closed = false;
  /** Whether the client was told its edits were dropped, since its access last changed. */
  editsRefusedNotified = false;

  constructor(
    private readonly socket: WebSocket,
    /** The TCP socket under `socket`: pre-framed broadcasts are written to it directly. */
    private readonly rawSocket: Duplex,
    readonly docName: string,
    readonly principal: CollabPrincipal | null,
    public access: DocumentAccess,
    public readOnlyReason: ReadOnlyReason | undefined,
    private readonly limits: CollabLimits,
    private readonly metrics: CollabMetrics,
    private readonly logger: Logger,
  ) {
    this.messageBucket = new TokenBucket(
      limits.messagesPerSecond,
      limits.messagesPerSecond * RATE_BURST_SECONDS,
    );
    this.byteBucket = new TokenBucket(
      limits.bytesPerSecond,
      Math.max(limits.bytesPerSecond * RATE_BURST_SECONDS, limits.maxMessageBytes),
    );
    this.awarenessBucket = new TokenBucket(
      limits.awarenessPerSecond,
      limits.awarenessPerSecond * RATE_BURST_SECONDS,
    );
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Charges one incoming frame to the rate limits; false means the connection must be closed. */
  admitIncoming(byteLength: number): boolean {
    return this.messageBucket.tryTake(1) && this.byteBucket.tryTake(byteLength);
  }

  admitAwareness(): boolean {
    return this.awarenessBucket.tryTake(1);
  }

  /** Sends one message. */
  send(message: Uint8Array): void {
    if (this.sendFrames(encodeBinaryFrames([message]))) {
      this.metrics.messagesSent.inc();
      this.metrics.bytesSent.inc(message.byteLength);
    }
  }

  /**
   * Writes already-framed WebSocket messages (see `encodeBinaryFrames`) in one write. A reader
   * that lets more than `maxBufferedBytes` pile up is disconnected rather than letting its
   * backlog grow in our memory. Returns whether the bytes were queued.
   */
  sendFrames(frames: Buffer): boolean {
    // Never after a close frame, ours or the peer's: data after close breaks the protocol.
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return false;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(
        CollabCloseCode.SlowReader,
        `send buffer over ${this.limits.maxBufferedBytes} bytes`,
      );
      return false;
    }
    // `ws` writes to the same socket synchronously (no compression, so no queue of its own):
    // frames written here and there keep their order.
    this.rawSocket.write(frames);
    return true;
  }

  close(code: CollabCloseCode, detail: string): void {
    if (this.closed) return;
    this.closed = true;
    const { reason } = collabCloseDescriptions[code];
    this.metrics.closedConnections.inc({ code: String(code) });
    if (code !== CollabCloseCode.ServiceRestart) {
      this.logger.warn(
        {
          connectionId: this.id,
          docName: this.docName,
          userId: this.principal?.userId,
          code,
          reason,
          detail,
        },
        'closing collab connection',
      );
    }
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), CLOSE_HANDSHAKE_TIMEOUT_MS).unref();
  }

  /** The peer went away on its own. */
  markClosed(): void {
    this.closed = true;
  }
}
