import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encoding } from 'lib0';
import { CollabCloseCode, SyncMessageType } from '@atelier/protocol';
import { eventually } from '../testing/eventually';
import { awarenessFrame, openRawSocket, syncFrame, updateFrame } from '../testing/rawCollabSocket';
import { startTestServer, type RunningTestServer } from '../testing/startTestServer';
import {
  connectClient,
  readAsFreshClient,
  waitForSync,
  type TestClient,
} from '../testing/yClients';

/** The bound we promise: an honest edit reaches another participant within this, whatever an offender does. */
const HONEST_EDIT_BOUND_MS = 1_000;
const DOC = 'doc-hostile';

let server: RunningTestServer;
let alice: TestClient;
let bob: TestClient;
let editCount = 0;

beforeAll(async () => {
  server = await startTestServer({
    limits: {
      maxMessageBytes: 256 * 1024,
      messagesPerSecond: 50,
      bytesPerSecond: 512 * 1024,
      awarenessPerSecond: 10,
    },
  });
  alice = connectClient(server.port, DOC, 'alice');
  bob = connectClient(server.port, DOC, 'bob');
  await Promise.all([waitForSync(alice), waitForSync(bob)]);
  // A first state at clock 0 is ignored by y-protocols peers; this one (clock 1) is not.
  alice.provider.awareness.setLocalStateField('cursor', null);
  await eventually(() =>
    expect(bob.provider.awareness.getStates().has(alice.doc.clientID)).toBe(true),
  );
});

afterAll(async () => {
  alice.destroy();
  bob.destroy();
  await server.stop();
});

/** Alice types; Bob must see it within the bound: the document and the other connections carry on. */
async function expectHonestEditsStillFlow(): Promise<void> {
  const token = `<honest-${editCount++}>`;
  const sentAt = performance.now();
  alice.text.insert(alice.text.length, token);
  await eventually(() => expect(bob.text.toString()).toContain(token), {
    timeoutMs: HONEST_EDIT_BOUND_MS,
  });
  expect(performance.now() - sentAt).toBeLessThan(HONEST_EDIT_BOUND_MS);
}

async function offender(name: string) {
  const raw = await openRawSocket(server.port, DOC, name);
  raw.send(syncFrame(SyncMessageType.Step1, new Uint8Array([0])));
  return raw;
}

function varUintBytes(...values: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const value of values) encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

describe('hostile input closes only the offending connection', () => {
  it.each([
    ['garbage bytes', new Uint8Array([0xff, 0xff, 0xff])],
    ['an unknown message type', new Uint8Array([7, 1, 2])],
    ['an empty frame', new Uint8Array([])],
    ['a sync message whose payload length runs past the end', new Uint8Array([0, 2, 50, 1, 2])],
    ['an unknown sync message type', syncFrame(9, new Uint8Array([0]))],
    ['trailing bytes after a message', new Uint8Array([3, 0])],
  ])('malformed frame: %s → 4400', async (_label, frame) => {
    const raw = await offender('malformed');
    raw.send(frame);
    expect((await raw.closed).code).toBe(CollabCloseCode.MalformedMessage);
    await expectHonestEditsStillFlow();
  });

  it('a text frame → 4400', async () => {
    const raw = await offender('texter');
    raw.send('hello');
    expect((await raw.closed).code).toBe(CollabCloseCode.MalformedMessage);
    await expectHonestEditsStillFlow();
  });

  const validUpdate = (() => {
    const doc = new Y.Doc();
    doc.getText('draft').insert(0, 'a perfectly normal sentence');
    return Y.encodeStateAsUpdate(doc);
  })();

  it.each([
    // yjs#498: a zero-length update makes lib0 read `undefined` forever.
    ['a zero-length update', new Uint8Array([])],
    // One client claiming 2^40 structs in a handful of bytes: Yjs would loop reading past the end.
    ['a huge struct count', varUintBytes(1, 2 ** 40, 1, 0)],
    // A GC struct spanning 2^52 clocks.
    [
      'a GC struct of length 2^52',
      new Uint8Array([...varUintBytes(1, 1, 7, 0), 0, ...varUintBytes(2 ** 52), 0]),
    ],
    // ContentAny announcing a billion values.
    [
      'an Any content of a billion values',
      new Uint8Array([
        ...varUintBytes(1, 1, 7, 0),
        8,
        1,
        ...varUintBytes(4),
        100,
        8,
        ...varUintBytes(1e9),
      ]),
    ],
    ['a truncated update', validUpdate.subarray(0, validUpdate.length - 3)],
    ['an update with trailing bytes', new Uint8Array([...validUpdate, 1, 2, 3])],
  ])('crafted update: %s → 4422, and nobody else waits', async (_label, update) => {
    const raw = await offender('crafter');
    const sentAt = performance.now();
    raw.send(updateFrame(update));
    expect((await raw.closed).code).toBe(CollabCloseCode.InvalidUpdate);
    expect(performance.now() - sentAt).toBeLessThan(HONEST_EDIT_BOUND_MS);
    await expectHonestEditsStillFlow();
  });

  it('an update whose dependencies are missing → 4422, and nothing of it is kept', async () => {
    const elsewhere = new Y.Doc();
    elsewhere.getText('draft').insert(0, 'content the server never saw');
    const before = Y.encodeStateVector(elsewhere);
    elsewhere.getText('draft').insert(5, 'ORPHAN');
    const orphan = Y.encodeStateAsUpdate(elsewhere, before);
    const raw = await offender('orphaner');
    raw.send(updateFrame(orphan));
    expect((await raw.closed).code).toBe(CollabCloseCode.InvalidUpdate);
    await expectHonestEditsStillFlow();
    expect(await readAsFreshClient(server.port, DOC)).not.toContain('ORPHAN');
  });

  it('a frame over the size limit → 1009 from ws', async () => {
    const raw = await offender('oversized');
    raw.send(updateFrame(new Uint8Array(300 * 1024)));
    expect((await raw.closed).code).toBe(CollabCloseCode.MessageTooBig);
    await expectHonestEditsStillFlow();
  });

  it('a message flood → 4429', async () => {
    const raw = await offender('flooder');
    const query = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector
    for (let i = 0; i < 1_000; i += 1) raw.send(query);
    expect((await raw.closed).code).toBe(CollabCloseCode.RateLimited);
    await expectHonestEditsStillFlow();
  });

  it('a byte flood → 4429', async () => {
    const raw = await offender('byte-flooder');
    const doc = new Y.Doc();
    const big = 'x'.repeat(200 * 1024);
    for (let i = 0; i < 20 && raw.socket.readyState === raw.socket.OPEN; i += 1) {
      const before = Y.encodeStateVector(doc);
      doc.getText('draft').insert(0, big);
      raw.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
    }
    expect((await raw.closed).code).toBe(CollabCloseCode.RateLimited);
    await expectHonestEditsStillFlow();
  });

  it('awareness for another client id → 4409', async () => {
    const raw = await offender('impostor');
    raw.send(
      awarenessFrame([
        { clientId: alice.doc.clientID, clock: 999, state: '{"user":{"name":"Alice"}}' },
      ]),
    );
    expect((await raw.closed).code).toBe(CollabCloseCode.AwarenessViolation);
    await expectHonestEditsStillFlow();
    const aliceAsBobSeesHer = bob.provider.awareness.getStates().get(alice.doc.clientID) as
      { user?: { name?: string } } | undefined;
    expect(aliceAsBobSeesHer?.user?.name).toBe('Name of alice');
  });

  it('an oversized awareness state → 4409', async () => {
    const raw = await offender('bloater');
    raw.send(
      awarenessFrame([
        { clientId: 424242, clock: 1, state: JSON.stringify({ blob: 'x'.repeat(10_000) }) },
      ]),
    );
    expect((await raw.closed).code).toBe(CollabCloseCode.AwarenessViolation);
    await expectHonestEditsStillFlow();
  });

  it('an awareness flood → 4429', async () => {
    const raw = await offender('chatterbox');
    for (let clock = 1; clock <= 200; clock += 1) {
      raw.send(awarenessFrame([{ clientId: 515151, clock, state: '{"cursor":null}' }]));
    }
    expect((await raw.closed).code).toBe(CollabCloseCode.RateLimited);
    await expectHonestEditsStillFlow();
  });

  it('the name shown to others comes from the server, not from the client', async () => {
    alice.provider.awareness.setLocalStateField('user', { name: 'The Minister', color: '#123456' });
    await eventually(() => {
      const state = bob.provider.awareness.getStates().get(alice.doc.clientID) as
        { user?: unknown } | undefined;
      expect(state?.user).toEqual({
        id: 'alice',
        name: 'Name of alice',
        organisation: 'Test org',
        color: '#123456',
      });
    });
  });
});

describe('slow readers', () => {
  it('a reader that stops reading is disconnected with 4508 once its backlog passes the limit; others carry on', async () => {
    const own = await startTestServer({
      limits: { maxBufferedBytes: 256 * 1024, bytesPerSecond: 64 * 1024 * 1024 },
    });
    const writer = connectClient(own.port, 'doc-slow', 'writer');
    const reader = connectClient(own.port, 'doc-slow', 'reader');
    try {
      await Promise.all([waitForSync(writer), waitForSync(reader)]);
      const sloth = await openRawSocket(own.port, 'doc-slow', 'sloth');
      // Stop reading: the kernel buffers fill first, then the server's send buffer grows.
      const tcp = (sloth.socket as unknown as { _socket: { pause(): void; resume(): void } })
        ._socket;
      tcp.pause();
      const chunk = 'y'.repeat(100 * 1024);
      await eventually(
        async () => {
          writer.text.insert(writer.text.length, chunk);
          const metrics = await (await fetch(`http://127.0.0.1:${own.port}/metrics`)).text();
          expect(metrics).toContain(
            `atelier_collab_closed_connections_total{code="${CollabCloseCode.SlowReader}"} 1`,
          );
        },
        { timeoutMs: 15_000, intervalMs: 10 },
      );
      tcp.resume();
      expect((await sloth.closed).code).toBe(CollabCloseCode.SlowReader);
      const token = '<still-flowing>';
      writer.text.insert(0, token);
      await eventually(() => expect(reader.text.toString()).toContain(token), {
        timeoutMs: HONEST_EDIT_BOUND_MS,
      });
    } finally {
      writer.destroy();
      reader.destroy();
      await own.stop();
    }
  }, 30_000);
});
