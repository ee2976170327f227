import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { encodeBinaryFrames } from './webSocketFrames';

describe('encodeBinaryFrames', () => {
  it('writes frames a standard client reads as separate binary messages, at every length class', async () => {
    const httpServer = createServer();
    const wss = new WebSocketServer({ server: httpServer });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const payloads = [
      new Uint8Array([1, 2, 3]),
      new Uint8Array(200).fill(7),
      new Uint8Array(70_000).fill(9),
    ];
    wss.on('connection', (_socket, request) => {
      request.socket.write(encodeBinaryFrames(payloads));
    });
    const client = new WebSocket(`ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    await new Promise<void>((resolve) =>
      client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true);
        received.push(data);
        if (received.length === payloads.length) resolve();
      }),
    );
    expect(received.map((b) => b.length)).toEqual([3, 200, 70_000]);
    expect(received[1]!.every((byte) => byte === 7)).toBe(true);
    client.close();
    wss.close();
    httpServer.close();
  });
});
