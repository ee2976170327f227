import { CollabMessageType } from '@atelier/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';

import {
  applyAwarenessEntries,
  queryAwarenessFrame,
  readAwarenessFrame,
  type AwarenessStates,
} from './awarenessFrames';

function awarenessFrame(entries: [number, number, unknown][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, CollabMessageType.Awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

describe('presence-only awareness reading', () => {
  it('asks the server for everyone’s presence with a bare query frame', () => {
    const decoder = decoding.createDecoder(queryAwarenessFrame());
    expect(decoding.readVarUint(decoder)).toBe(CollabMessageType.QueryAwareness);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('ignores frames that are not awareness', () => {
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, CollabMessageType.Sync);
    encoding.writeVarUint(sync, 2);
    expect(readAwarenessFrame(encoding.toUint8Array(sync))).toBeNull();
  });

  it('adds, updates and removes people as their clocks advance', () => {
    const states: AwarenessStates = new Map();
    const karim = { user: { id: 'u1', name: 'Karim' }, focusing: true };
    expect(
      applyAwarenessEntries(states, readAwarenessFrame(awarenessFrame([[7, 1, karim]]))!),
    ).toBe(true);
    expect(states.get(7)?.state).toEqual(karim);

    // A stale clock is ignored, a removal (null state) deletes.
    applyAwarenessEntries(
      states,
      readAwarenessFrame(awarenessFrame([[7, 0, { user: { name: 'old' } }]]))!,
    );
    expect(states.get(7)?.state).toEqual(karim);
    applyAwarenessEntries(states, readAwarenessFrame(awarenessFrame([[7, 2, null]]))!);
    expect(states.has(7)).toBe(false);
  });
});
