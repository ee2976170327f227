/**
 * Hocuspocus 4 with its SQLite extension, default settings (debounce, unloading, timeouts all
 * untouched), as a child process of the benchmark. Server.listen() builds the Node HTTP server
 * and hands upgrades to crossws; it also stops gracefully on SIGTERM (stopOnSignals).
 */
import { join } from 'node:path';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.DATA_DIR;
if (!Number.isInteger(port) || port <= 0 || dataDir === undefined) {
  throw new Error('hocuspocusServer needs PORT and DATA_DIR');
}

const server = new Server({
  port,
  address: host,
  quiet: true,
  extensions: [new SQLite({ database: join(dataDir, 'hocuspocus.sqlite') })],
});

await server.listen();
