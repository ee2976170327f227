import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CollabCloseCode } from '@atelier/protocol';
import { eventually } from '../testing/eventually';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess';
import {
  connectClient,
  readAsFreshClient,
  waitForSync,
  type TestClient,
} from '../testing/yClients';

const processes: ServerProcess[] = [];
const clients: TestClient[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
});

async function startProcess(dataDir: string, env: Record<string, string> = {}) {
  const started = await startServerProcess({ DATA_DIR: dataDir, ...env });
  processes.push(started);
  return started;
}

function client(port: number, docName: string, user: string) {
  const created = connectClient(port, docName, user);
  clients.push(created);
  return created;
}

function tokensIn(text: string): Set<string> {
  return new Set(text.match(/<[^>]+>/g) ?? []);
}

describe('durability (server as a child process)', () => {
  it('loses nothing an observer has received when SIGKILLed right after a burst of 300 edits', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-kill-'));
    const first = await startProcess(dataDir);
    const writer = client(first.port, 'doc-burst', 'writer');
    const observer = client(first.port, 'doc-burst', 'observer');
    await Promise.all([waitForSync(writer), waitForSync(observer)]);

    for (let i = 0; i < 300; i += 1) writer.text.insert(writer.text.length, `<e${i}>`);
    await eventually(() => expect(tokensIn(observer.text.toString()).size).toBe(300), {
      timeoutMs: 10_000,
    });
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.destroy();

    const second = await startProcess(dataDir);
    const reloaded = await readAsFreshClient(second.port, 'doc-burst');
    expect(tokensIn(reloaded).size).toBe(300);
    expect(reloaded).toBe(observer.text.toString());
  });

  it('loses nothing when SIGKILLed repeatedly while compacting continuously', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-compact-kill-'));
    const seen = new Set<string>();
    let next = 0;
    for (let round = 0; round < 5; round += 1) {
      // Compact after every few updates, so kills land before, during and after compactions.
      const server = await startProcess(dataDir, { COLLAB_COMPACT_AFTER_UPDATES: '3' });
      const writer = client(server.port, 'doc-compact', 'writer');
      const observer = client(server.port, 'doc-compact', 'observer');
      await Promise.all([waitForSync(writer), waitForSync(observer)]);
      for (const token of seen) expect(observer.text.toString()).toContain(token);
      observer.text.observe(() => {
        for (const token of tokensIn(observer.text.toString())) seen.add(token);
      });
      const stopTyping = setInterval(() => {
        for (let i = 0; i < 5; i += 1)
          writer.text.insert(writer.text.length, `<r${round}n${next++}>`);
      }, 2);
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 40));
      server.child.kill('SIGKILL');
      clearInterval(stopTyping);
      await server.exited;
      for (const c of clients.splice(0)) c.destroy();
    }
    const final = await startProcess(dataDir);
    const reloaded = tokensIn(await readAsFreshClient(final.port, 'doc-compact'));
    expect(seen.size).toBeGreaterThan(50);
    for (const token of seen) expect(reloaded.has(token), `${token} lost`).toBe(true);
  });

  it('on SIGTERM persists everything, tells clients to reconnect (1012) and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-term-'));
    const server = await startProcess(dataDir);
    const writer = client(server.port, 'doc-term', 'writer');
    const observer = client(server.port, 'doc-term', 'observer');
    await Promise.all([waitForSync(writer), waitForSync(observer)]);
    const closeCodes: number[] = [];
    writer.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });
    for (let i = 0; i < 50; i += 1) writer.text.insert(writer.text.length, `<t${i}>`);
    await eventually(() => expect(tokensIn(observer.text.toString()).size).toBe(50));
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    await eventually(() => expect(closeCodes).toContain(CollabCloseCode.ServiceRestart));
    writer.provider.disconnect();
    observer.provider.disconnect();

    const restarted = await startProcess(dataDir);
    expect(tokensIn(await readAsFreshClient(restarted.port, 'doc-term')).size).toBe(50);
  });
});
