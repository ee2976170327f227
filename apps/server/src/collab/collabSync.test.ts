import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { decoding } from 'lib0';
import { AuthMessageType, CollabCloseCode, CollabMessageType } from '@atelier/protocol';
import { eventually } from '../testing/eventually';
import { startTestServer, TEST_ORIGIN, type RunningTestServer } from '../testing/startTestServer';
import {
  connectClient,
  readAsFreshClient,
  waitForSync,
  type TestClient,
} from '../testing/yClients';

const running: RunningTestServer[] = [];
const clients: TestClient[] = [];

async function start(...args: Parameters<typeof startTestServer>) {
  const server = await startTestServer(...args);
  running.push(server);
  return server;
}

function client(...args: Parameters<typeof connectClient>) {
  const created = connectClient(...args);
  clients.push(created);
  return created;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of running.splice(0)) await s.stop().catch(() => {});
});

describe('collaboration sync', () => {
  it('20 concurrent writers, some dropping and coming back, converge; a fresh client after a restart loads the same', async () => {
    const first = await start();
    const writers = Array.from({ length: 20 }, (_, i) =>
      client(first.port, 'doc-converge', `writer-${i}`),
    );
    await Promise.all(writers.map((w) => waitForSync(w)));

    for (let round = 0; round < 10; round += 1) {
      writers.forEach((writer, i) => {
        // At either end, so that concurrent inserts never split each other's tokens.
        const position = (i + round) % 2 === 0 ? 0 : writer.text.length;
        writer.text.insert(position, `[w${i}r${round}]`);
      });
      // A few writers drop mid-way, keep typing offline, then come back.
      if (round === 3) for (const w of writers.slice(0, 4)) w.provider.disconnect();
      if (round === 7) for (const w of writers.slice(0, 4)) w.provider.connect();
      await new Promise((resolve) => setImmediate(resolve));
    }

    await eventually(
      () => {
        const texts = writers.map((w) => w.text.toString());
        expect(new Set(texts).size).toBe(1);
        for (let i = 0; i < 20; i += 1) {
          for (let round = 0; round < 10; round += 1)
            expect(texts[0]).toContain(`[w${i}r${round}]`);
        }
      },
      { timeoutMs: 10_000 },
    );
    const converged = writers[0]!.text.toString();

    for (const w of clients.splice(0)) w.destroy();
    await first.stop();
    const second = await start({ dataDir: first.dataDir });
    expect(await readAsFreshClient(second.port, 'doc-converge')).toBe(converged);
  });

  it("a view-only client's edits reach neither other clients nor the store, and it is told it is read-only", async () => {
    const server = await start();
    server.policy.grant('viewer', 'doc-view', 'view', 'role_view_only');
    const writer = client(server.port, 'doc-view', 'writer');
    const viewer = client(server.port, 'doc-view', 'viewer');
    const accessStates: unknown[] = [];
    viewer.provider.messageHandlers[CollabMessageType.Auth] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) === AuthMessageType.AccessState) {
        accessStates.push(JSON.parse(decoding.readVarString(decoder)));
      }
    };
    await Promise.all([waitForSync(writer), waitForSync(viewer)]);

    writer.text.insert(0, 'written by the writer. ');
    await eventually(() => expect(viewer.text.toString()).toBe('written by the writer. '));
    viewer.text.insert(0, 'SNEAKY ');
    writer.text.insert(writer.text.length, 'more.');
    await eventually(() => expect(viewer.text.toString()).toContain('more.'));

    expect(writer.text.toString()).toBe('written by the writer. more.');
    expect(await readAsFreshClient(server.port, 'doc-view')).toBe('written by the writer. more.');
    expect(accessStates).toEqual([{ access: 'view', readOnlyReason: 'role_view_only' }]);
  });

  it('locking a draft turns open editors read-only within a second, without reconnecting', async () => {
    const server = await start();
    const facilitator = client(server.port, 'doc-lock', 'facilitator');
    const contributor = client(server.port, 'doc-lock', 'contributor');
    const accessStates: Array<{ access: string; readOnlyReason?: string }> = [];
    const refusals: unknown[] = [];
    contributor.provider.messageHandlers[CollabMessageType.Auth] = (_encoder, decoder) => {
      const subtype = decoding.readVarUint(decoder);
      if (subtype === AuthMessageType.AccessState)
        accessStates.push(JSON.parse(decoding.readVarString(decoder)));
      if (subtype === AuthMessageType.EditsRefused)
        refusals.push(JSON.parse(decoding.readVarString(decoder)));
    };
    let reconnections = 0;
    contributor.provider.on('status', ({ status }) => {
      if (status === 'connected') reconnections += 1;
    });
    await Promise.all([waitForSync(facilitator), waitForSync(contributor)]);
    contributor.text.insert(0, 'before the lock. ');
    await eventually(() => expect(facilitator.text.toString()).toBe('before the lock. '));

    const lockedAt = Date.now();
    server.policy.lockDocument('doc-lock', ['contributor']);
    await eventually(
      () => expect(accessStates.at(-1)).toEqual({ access: 'view', readOnlyReason: 'draft_locked' }),
      {
        timeoutMs: 1_000,
      },
    );
    expect(Date.now() - lockedAt).toBeLessThan(1_000);

    contributor.text.insert(0, 'after the lock. ');
    // The client is told its edit was dropped, so it can discard it instead of resending it later.
    await eventually(() => expect(refusals).toEqual([{ readOnlyReason: 'draft_locked' }]));
    facilitator.text.insert(facilitator.text.length, 'facilitator note.');
    await eventually(() => expect(contributor.text.toString()).toContain('facilitator note.'));
    expect(facilitator.text.toString()).toBe('before the lock. facilitator note.');
    expect(await readAsFreshClient(server.port, 'doc-lock', 'facilitator')).toBe(
      'before the lock. facilitator note.',
    );
    expect(reconnections).toBe(1);
  });

  it('revoking access closes the open connection with the documented code', async () => {
    const server = await start();
    server.policy.grant('member', 'doc-revoke', 'edit');
    server.policy.setDefault(null);
    const member = client(server.port, 'doc-revoke', 'member');
    await waitForSync(member);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      member.provider.on('closed', resolve),
    );
    server.policy.revoke('member', 'doc-revoke');
    expect(await closed).toEqual({ code: CollabCloseCode.AccessRevoked, reason: 'access_revoked' });
  });

  it('refuses at the upgrade, before loading anything: signed out 401, no right 403, foreign origin 403, bad name 400', async () => {
    const server = await start();
    server.policy.setDefault(null);
    const status = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => {});
      });
    expect(await status('/collab/doc-a')).toBe(401);
    expect(await status('/collab/doc-a?user=stranger')).toBe(403);
    server.policy.setDefault('edit');
    expect(await status('/collab/doc-a?user=someone', { Origin: 'https://evil.example' })).toBe(
      403,
    );
    expect(await status('/collab/..%2Fetc?user=someone')).toBe(400);
    expect(server.server.registry.loadedRooms()).toHaveLength(0);
    expect(await status('/collab/doc-a?user=someone', { Origin: TEST_ORIGIN })).toBe(101);
  });

  it('seeds a new document from its template exactly once when ten people open it together', async () => {
    const template = new Y.Doc();
    template.getText('draft').insert(0, 'Problème public\nObjectif\n');
    const templateBytes = Y.encodeStateAsUpdate(template);
    const server = await start({ templates: { initialContentFor: async () => templateBytes } });
    const joiners = Array.from({ length: 10 }, (_, i) =>
      client(server.port, 'doc-template', `person-${i}`),
    );
    await Promise.all(joiners.map((j) => waitForSync(j)));
    for (const j of joiners) expect(j.text.toString()).toBe('Problème public\nObjectif\n');
    expect(await readAsFreshClient(server.port, 'doc-template')).toBe(
      'Problème public\nObjectif\n',
    );
  });

  it("twelve stock clients see each other's presence; their echoes of it are not taken for impersonation", async () => {
    const server = await start();
    const people = Array.from({ length: 12 }, (_, i) =>
      client(server.port, 'doc-presence', `person-${i}`),
    );
    await Promise.all(people.map((p) => waitForSync(p)));
    const closes: number[] = [];
    for (const p of people)
      p.provider.on('connection-close', (event) => event && closes.push(event.code));
    people.forEach((p, i) => p.provider.awareness.setLocalStateField('cursor', { index: i }));
    await eventually(() => {
      for (const p of people) expect(p.provider.awareness.getStates().size).toBe(12);
    });
    const seenByFirst = people[0]!.provider.awareness.getStates().get(people[5]!.doc.clientID) as {
      user: { name: string };
    };
    expect(seenByFirst.user.name).toBe('Name of person-5');
    expect(closes).toEqual([]);
  });

  it('serves health and Prometheus metrics', async () => {
    const server = await start();
    const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
    expect(health.status).toBe(200);
    const writer = client(server.port, 'doc-metrics', 'writer');
    await waitForSync(writer);
    writer.text.insert(0, 'x');
    await eventually(async () => {
      const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      expect(metrics).toMatch(/atelier_collab_connections 1/);
      expect(metrics).toMatch(/atelier_collab_updates_total [1-9]/);
      expect(metrics).toMatch(/atelier_collab_persist_seconds_bucket/);
    });
  });
});
