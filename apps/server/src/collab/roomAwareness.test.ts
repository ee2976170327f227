import { describe, expect, it } from 'vitest';
import { decoding } from 'lib0';
import type { AwarenessEntry } from '@atelier/collab';
import type { CollabConnection } from './collabConnection';
import { RoomAwareness } from './roomAwareness';

function connection(userId: string): CollabConnection {
  return {
    isOpen: true,
    awarenessClientIds: new Set<number>(),
    principal: { userId, displayName: userId },
  } as unknown as CollabConnection;
}

function entry(clientId: number, clock: number, state: unknown): AwarenessEntry {
  const json = JSON.stringify(state);
  return { clientId, clock, stateUtf8: new TextEncoder().encode(json), isNull: state === null };
}

function clientIdsIn(update: Uint8Array | null): number[] {
  if (!update) return [];
  const decoder = decoding.createDecoder(update);
  const ids: number[] = [];
  for (let i = decoding.readVarUint(decoder); i > 0; i -= 1) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}

describe('RoomAwareness pacing', () => {
  it('sends changes at once but spreads a burst of unchanged renewals over a few seconds', () => {
    const room = new RoomAwareness();
    const audience = Array.from({ length: 1_000 }, (_, i) => connection(`viewer-${i}`));
    audience.forEach((c, i) => room.apply(c, [entry(i, 1, { here: true })]));
    expect(clientIdsIn(room.takeChanges(0))).toHaveLength(1_000);

    // Everyone renews at once (same state, clock + 1); one person also moves a cursor.
    audience.forEach((c, i) => room.apply(c, [entry(i, 2, { here: true })]));
    room.apply(audience[7]!, [entry(7, 3, { here: true, cursor: 12 })]);

    const first = clientIdsIn(room.takeChanges(10));
    expect(first).toContain(7);
    expect(first.length).toBeLessThan(1_000);
    let delivered = first.length;
    for (let t = 110; t <= 5_010; t += 100) delivered += clientIdsIn(room.takeChanges(t)).length;
    expect(delivered).toBe(1_000);
    expect(room.pendingRenewals).toBe(0);
  });
});
