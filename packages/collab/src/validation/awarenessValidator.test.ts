import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  encodeAwarenessEntries,
  parseAwarenessState,
  validateAwarenessUpdate,
  type AwarenessState,
  type AwarenessValidationResult,
} from './awarenessValidator';

const awarenessInstances: Awareness[] = [];

/** Awareness starts a 15 s interval timer; destroy every instance after each test. */
function newAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awarenessInstances.push(awareness);
  return awareness;
}

afterEach(() => {
  for (const awareness of awarenessInstances.splice(0)) awareness.destroy();
});

function rawUpdate(entries: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/** Validation, then every state decoded, as a server keeping all of them would. */
function decodeAll(result: AwarenessValidationResult) {
  if (!result.ok) return result;
  const entries = [];
  for (const entry of result.entries) {
    const parsed = parseAwarenessState(entry);
    if (!parsed.ok) return parsed;
    entries.push({ clientId: entry.clientId, clock: entry.clock, state: parsed.state });
  }
  return { ok: true as const, entries };
}

describe('validateAwarenessUpdate', () => {
  it('accepts what a real y-protocols Awareness sends, including its departure', () => {
    const awareness = newAwareness();
    awareness.setLocalState({ user: { name: 'Alice', color: '#f00' }, cursor: { anchor: 3 } });
    awareness.setLocalStateField('cursor', { anchor: 5, head: 9 });
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const result = decodeAll(validateAwarenessUpdate(update));
    expect(result).toEqual({
      ok: true,
      entries: [
        {
          clientId: awareness.clientID,
          clock: 2,
          state: { user: { name: 'Alice', color: '#f00' }, cursor: { anchor: 5, head: 9 } },
        },
      ],
    });

    awareness.setLocalState(null);
    const departure = validateAwarenessUpdate(
      encodeAwarenessUpdate(awareness, [awareness.clientID]),
    );
    expect(departure).toMatchObject({ ok: true, entries: [{ isNull: true }] });
  });

  it('accepts an update listing several clients, as removeAwarenessStates produces', () => {
    const awareness = newAwareness();
    const peer = newAwareness();
    peer.setLocalState({ user: { name: 'Bob' } });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(peer, [peer.clientID]), 'test');
    let removal: Uint8Array | undefined;
    awareness.on('update', ({ removed }: { removed: number[] }) => {
      removal = encodeAwarenessUpdate(awareness, removed);
    });
    removeAwarenessStates(awareness, [peer.clientID], 'test');
    expect(validateAwarenessUpdate(removal!)).toMatchObject({
      ok: true,
      entries: [{ isNull: true }],
    });
  });

  it('rejects an oversized state before decoding it', () => {
    const state = JSON.stringify({ user: { name: 'x'.repeat(5000) } });
    const update = rawUpdate([{ clientId: 1, clock: 1, json: state }]);
    expect(validateAwarenessUpdate(update)).toMatchObject({ ok: false, reason: 'state_too_large' });
    expect(validateAwarenessUpdate(update, { maxStateBytes: 10_000 })).toMatchObject({ ok: true });
  });

  it('rejects too many entries', () => {
    const entries = Array.from({ length: 9 }, (_, i) => ({ clientId: i, clock: 1, json: '{}' }));
    expect(validateAwarenessUpdate(rawUpdate(entries), { maxEntries: 8 })).toMatchObject({
      ok: false,
      reason: 'too_many_entries',
    });
    expect(
      validateAwarenessUpdate(rawUpdate(entries.slice(0, 8)), { maxEntries: 8 }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('accepts the echo of a busy room that stock clients send back by default', () => {
    const entries = Array.from({ length: 500 }, (_, i) => ({
      clientId: i,
      clock: 3,
      json: '{"cursor":null}',
    }));
    expect(validateAwarenessUpdate(rawUpdate(entries))).toMatchObject({ ok: true });
  });

  it('rejects states that are not JSON objects or null', () => {
    const cases = [
      ['{"user":', 'invalid_json'],
      ['', 'invalid_json'],
      ['[1,2]', 'invalid_state'],
      ['"text"', 'invalid_state'],
      ['42', 'invalid_state'],
    ] as const;
    for (const [json, reason] of cases) {
      const update = rawUpdate([{ clientId: 1, clock: 1, json }]);
      expect(decodeAll(validateAwarenessUpdate(update)), json).toMatchObject({ ok: false, reason });
    }
  });

  it('rejects malformed framing', () => {
    const valid = rawUpdate([{ clientId: 1, clock: 1, json: 'null' }]);
    expect(validateAwarenessUpdate(new Uint8Array())).toMatchObject({ reason: 'empty' });
    expect(validateAwarenessUpdate(Uint8Array.of(...valid, 0))).toMatchObject({
      reason: 'trailing_bytes',
    });
    expect(validateAwarenessUpdate(valid.subarray(0, valid.length - 1))).toMatchObject({
      ok: false,
      reason: 'string_too_long',
    });
    expect(validateAwarenessUpdate(Uint8Array.of(200))).toMatchObject({ reason: 'truncated' });
    expect(validateAwarenessUpdate(Uint8Array.of(5, 1))).toMatchObject({
      reason: 'count_out_of_bounds',
    });
    expect(decodeAll(validateAwarenessUpdate(Uint8Array.of(1, 1, 1, 2, 0xc3, 0x28)))).toMatchObject(
      {
        reason: 'invalid_utf8',
      },
    );
  });

  it('never throws on any prefix of a valid update', () => {
    const update = rawUpdate([
      { clientId: 123_456, clock: 7, json: '{"user":{"name":"Zoë"}}' },
      { clientId: 99, clock: 2, json: 'null' },
    ]);
    for (let length = 0; length < update.length; length++) {
      expect(decodeAll(validateAwarenessUpdate(update.subarray(0, length))).ok).toBe(false);
    }
  });
});

describe('encodeAwarenessEntries', () => {
  it('round-trips through validation and y-protocols applyAwarenessUpdate', () => {
    const entries: Array<{ clientId: number; clock: number; state: AwarenessState | null }> = [
      { clientId: 11, clock: 4, state: { user: { name: 'Server-assigned' }, cursor: null } },
      { clientId: 12, clock: 1, state: null },
    ];
    const encoded = encodeAwarenessEntries(entries);
    expect(decodeAll(validateAwarenessUpdate(encoded))).toEqual({ ok: true, entries });

    const receiver = newAwareness();
    applyAwarenessUpdate(receiver, encoded, 'server');
    expect(receiver.getStates().get(11)).toEqual({
      user: { name: 'Server-assigned' },
      cursor: null,
    });
    expect(receiver.meta.get(11)?.clock).toBe(4);
    expect(receiver.getStates().has(12)).toBe(false);
  });

  it('re-encodes a validated client update with a rewritten user field', () => {
    const client = newAwareness();
    client.setLocalState({ user: { name: 'I am the admin' }, cursor: { anchor: 1 } });
    const validated = decodeAll(
      validateAwarenessUpdate(encodeAwarenessUpdate(client, [client.clientID])),
    );
    if (!validated.ok) throw new Error(validated.detail);
    const rewritten = validated.entries.map((entry) => ({
      ...entry,
      state: entry.state === null ? null : { ...entry.state, user: { name: 'Alice (verified)' } },
    }));
    const receiver = newAwareness();
    applyAwarenessUpdate(receiver, encodeAwarenessEntries(rewritten), 'server');
    expect(receiver.getStates().get(client.clientID)).toEqual({
      user: { name: 'Alice (verified)' },
      cursor: { anchor: 1 },
    });
  });
});
