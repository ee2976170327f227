/**
 * The y-websocket reference server (@y/websocket-server 0.1.1), in memory: its own
 * setupWSConnection on a `ws` server, the same wiring as its bin but on our host and port.
 */
import { createServer } from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0) throw new Error('yWebsocketServer needs PORT');

const webSocketServer = new WebSocketServer({ noServer: true });
webSocketServer.on('connection', setupWSConnection);

const httpServer = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});

httpServer.on('upgrade', (request, socket, head) => {
  webSocketServer.handleUpgrade(request, socket, head, (socketToClient) => {
    webSocketServer.emit('connection', socketToClient, request);
  });
});

httpServer.listen(port, host);
