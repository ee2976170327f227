import type { CollabConnection } from './collabConnection';
import type { CollabPrincipal } from './documentAccessPolicy';
import { encodeAwarenessEntries, type AwarenessEntry } from './outgoingMessages';

/** A connection may publish presence for a few client ids (a Y.Doc may change its id on conflict). */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;
const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export interface IncomingAwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: unknown;
}

interface HeldState {
  clock: number;
  stateJson: string | null;
  owner: CollabConnection;
}

export type AwarenessApplyResult = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/**
 * The presence states of one document, relayed rather than interpreted. Each client id belongs
 * to the connection that first published it, and the `user` shown to others is rewritten from
 * the server's identity, so nobody can speak for someone else or under another name.
 */
export class RoomAwareness {
  private readonly states = new Map<number, HeldState>();
  private readonly changed = new Set<number>();
  private fullUpdateCache: Uint8Array | null = null;

  apply(connection: CollabConnection, entries: readonly IncomingAwarenessEntry[]): AwarenessApplyResult {
    for (const entry of entries) {
      const held = this.states.get(entry.clientId);
      if (held && held.owner !== connection && held.owner.isOpen) {
        return { ok: false, detail: `client id ${entry.clientId} belongs to another connection` };
      }
      if (
        !connection.awarenessClientIds.has(entry.clientId) &&
        connection.awarenessClientIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION
      ) {
        return { ok: false, detail: 'too many awareness client ids on one connection' };
      }
    }
    for (const entry of entries) {
      connection.awarenessClientIds.add(entry.clientId);
      const held = this.states.get(entry.clientId);
      // Same rule as y-protocols: an older clock is stale and ignored.
      if (held && held.owner === connection && entry.clock < held.clock) continue;
      const stateJson =
        entry.state === null ? null : JSON.stringify(withServerIdentity(entry.state, connection.principal));
      this.states.set(entry.clientId, { clock: entry.clock, stateJson, owner: connection });
      this.changed.add(entry.clientId);
    }
    this.fullUpdateCache = null;
    return { ok: true };
  }

  /** Marks every state of a departing connection as gone (clock + 1, null state). */
  removeConnection(connection: CollabConnection): boolean {
    let removedAny = false;
    for (const clientId of connection.awarenessClientIds) {
      const held = this.states.get(clientId);
      if (!held || held.owner !== connection) continue;
      held.clock += 1;
      held.stateJson = null;
      this.changed.add(clientId);
      removedAny = true;
    }
    if (removedAny) this.fullUpdateCache = null;
    return removedAny;
  }

  /** The changes since the last call, as one awareness update; null when nothing changed. */
  takeChanges(): Uint8Array | null {
    if (this.changed.size === 0) return null;
    const entries: AwarenessEntry[] = [];
    for (const clientId of this.changed) {
      const held = this.states.get(clientId);
      if (!held) continue;
      entries.push({ clientId, clock: held.clock, stateJson: held.stateJson });
      // A null state has been announced once; forget it so joiners do not receive ghosts.
      if (held.stateJson === null) this.states.delete(clientId);
    }
    this.changed.clear();
    return entries.length > 0 ? encodeAwarenessEntries(entries) : null;
  }

  /** Every live state, for a client that joins or asks; encoded once until something changes. */
  fullUpdate(): Uint8Array | null {
    if (this.fullUpdateCache === null) {
      const entries: AwarenessEntry[] = [];
      for (const [clientId, held] of this.states) {
        if (held.stateJson !== null) entries.push({ clientId, clock: held.clock, stateJson: held.stateJson });
      }
      if (entries.length === 0) return null;
      this.fullUpdateCache = encodeAwarenessEntries(entries);
    }
    return this.fullUpdateCache;
  }
}

function withServerIdentity(state: unknown, principal: CollabPrincipal | null): unknown {
  const base = typeof state === 'object' && state !== null && !Array.isArray(state) ? state : {};
  const claimedUser = (base as { user?: unknown }).user;
  const claimedColour =
    typeof claimedUser === 'object' && claimedUser !== null
      ? (claimedUser as { color?: unknown }).color
      : undefined;
  return {
    ...base,
    user: {
      id: principal?.userId ?? null,
      name: principal?.displayName ?? 'Anonyme',
      organisation: principal?.organisationName ?? null,
      // The colour is cosmetic; keep the client's choice when it is a plain hex colour.
      color: typeof claimedColour === 'string' && COLOUR_PATTERN.test(claimedColour) ? claimedColour : null,
    },
  };
}
