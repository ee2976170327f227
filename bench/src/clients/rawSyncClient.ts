import WebSocket from 'ws';
import * as Y from 'yjs';
import { withTimeout } from '../load/waiting';
import { TEXT_NAME } from './fullClient';
import type { WireDialect } from './wireDialect';

/**
 * A minimal sync client without a provider, for scripted traffic: it can push many updates as
 * separate messages and use "send step 1, wait for step 2" as a barrier, since every server here
 * handles one connection's messages in order.
 */
export class RawSyncClient {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText(TEXT_NAME);
  private readonly socket: WebSocket;
  private readonly opened: Promise<boolean>;
  private step2Waiters: Array<(update: Uint8Array) => void> = [];

  constructor(
    url: string,
    private readonly dialect: WireDialect,
    private readonly docName: string,
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve) => {
      this.socket.once('open', () => resolve(true));
      this.socket.once('close', () => resolve(false));
    });
    this.socket.on('message', (data) => {
      if (!Buffer.isBuffer(data)) return;
      const update = this.dialect.readSyncStep2(data);
      if (update === null) return;
      for (const resolve of this.step2Waiters.splice(0)) resolve(update);
    });
  }

  /** Opens, authenticates if the dialect needs it, and syncs; returns the time it took (ms) or null on timeout. */
  async connectAndSync(timeoutMs: number): Promise<number | null> {
    const startedAt = performance.now();
    if (!(await withTimeout(this.opened, timeoutMs, false))) return null;
    for (const opening of this.dialect.openingFrames(this.docName)) this.socket.send(opening);
    const update = await this.barrier(timeoutMs - (performance.now() - startedAt));
    if (update === null) return null;
    const syncedMs = performance.now() - startedAt;
    Y.applyUpdate(this.doc, update);
    return syncedMs;
  }

  /** Sends step 1 with our state vector and waits for the server's step 2 (null on timeout). */
  barrier(timeoutMs: number): Promise<Uint8Array | null> {
    const reply = new Promise<Uint8Array>((resolve) => this.step2Waiters.push(resolve));
    this.socket.send(this.dialect.syncStep1(this.docName, Y.encodeStateVector(this.doc)));
    return withTimeout(reply, timeoutMs, null);
  }

  sendUpdate(update: Uint8Array): void {
    this.socket.send(this.dialect.update(this.docName, update));
  }

  close(): void {
    this.socket.terminate();
    this.doc.destroy();
  }
}
