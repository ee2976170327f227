import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { startTestServer, type RunningTestServer } from '../testing/startTestServer';
import { connectClient, waitForSync, type TestClient } from '../testing/yClients';

const CLIENTS = 200;
/** Everyone back and synced within this after the restart (the stock back-off caps at 300 ms here). */
const READMISSION_BOUND_MS = 10_000;

const clients: TestClient[] = [];
const servers: RunningTestServer[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop().catch(() => {});
});

describe('reconnect storm', () => {
  it(`${CLIENTS} connected clients come back after a restart, resync, and lose nothing`, async () => {
    const first = await startTestServer();
    servers.push(first);
    for (let i = 0; i < CLIENTS; i += 1)
      clients.push(connectClient(first.port, 'doc-storm', `person-${i}`));
    await Promise.all(clients.map((c) => waitForSync(c, 20_000)));
    clients[0]!.text.insert(0, 'before the restart. ');
    await eventually(() => expect(clients.at(-1)!.text.toString()).toBe('before the restart. '), {
      timeoutMs: 5_000,
    });

    await first.stop();
    servers.pop();
    // While the server is down, someone keeps typing offline.
    clients[1]!.text.insert(clients[1]!.text.length, 'typed while down.');
    const restartedAt = performance.now();
    const second = await startTestServer({ dataDir: first.dataDir, port: first.port });
    servers.push(second);

    await eventually(
      () => {
        const synced = clients.filter((c) => c.provider.synced).length;
        expect(synced).toBe(CLIENTS);
        for (const c of clients)
          expect(c.text.toString()).toBe('before the restart. typed while down.');
      },
      { timeoutMs: READMISSION_BOUND_MS, intervalMs: 50 },
    );
    const readmittedMs = performance.now() - restartedAt;
    expect(readmittedMs).toBeLessThan(READMISSION_BOUND_MS);
    expect(second.server.collab.connectionCount).toBe(CLIENTS);
  }, 60_000);
});
