import WebSocket, { type RawData } from 'ws';
import { countDelivery } from './deliveryCounter';

function rawDataLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return data.byteLength;
}

/**
 * The `ws` client, unchanged except that it counts what it receives. Handed to the stock
 * providers as their WebSocket polyfill so their traffic is counted like the raw sockets'.
 */
export class CountingWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    this.on('message', (data) => countDelivery(rawDataLength(data)));
  }
}

export { rawDataLength };
