import { parseAwarenessState, type AwarenessEntry } from '@atelier/collab';
import type { CollabConnection } from './collabConnection';
import type { CollabPrincipal } from './documentAccessPolicy';
import { encodeRelayedAwareness, type RelayedAwarenessEntry } from './outgoingMessages';

/** A connection may publish presence for a few client ids (a Y.Doc may change its id on conflict). */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;
const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Dark enough for white cursor labels (WCAG AA) when a client names no colour. */
const DEFAULT_CURSOR_COLOUR = '#3a3a8c';
/** Unchanged presence renewals are forwarded within this many seconds (peers wait 30 s). */
const RENEWAL_SPREAD_S = 5;
const MIN_RENEWALS_PER_S = 50;
/** Departed client ids remembered so that late echoes of their presence are recognised. */
const MAX_DEPARTED_IDS_REMEMBERED = 10_000;

export type IncomingAwarenessEntry = AwarenessEntry;

interface HeldState {
  clock: number;
  stateJson: string | null;
  owner: CollabConnection;
}

export type AwarenessApplyResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly detail: string };

/**
 * The presence states of one document, relayed rather than interpreted. Each client id belongs
 * to the connection that first published it, and the `user` shown to others is rewritten from
 * the server's identity, so nobody can speak for someone else or under another name.
 *
 * Stock y-websocket clients echo back every remote state they receive (their awareness 'update'
 * event fires for remote changes too). An echo carries a clock we already know, so it is
 * dropped; only a newer clock for someone else's id is an attempt to speak for them.
 */
export class RoomAwareness {
  private readonly states = new Map<number, HeldState>();
  private readonly departedClocks = new Map<number, number>();
  /** Client ids whose state changed (a cursor moved, someone arrived or left): sent at once. */
  private readonly changed = new Set<number>();
  /**
   * Client ids that only renewed an unchanged state (stock clients do every 15 s so peers do not
   * drop them after 30 s). A forum audience that joined together renews together; forwarding
   * those bursts at once would delay everyone's edits, so renewals are paced instead.
   */
  private readonly renewed = new Set<number>();
  private renewalBudget = 0;
  private lastTakeMs = performance.now();
  private fullUpdateCache: Uint8Array | null = null;

  apply(
    connection: CollabConnection,
    entries: readonly IncomingAwarenessEntry[],
  ): AwarenessApplyResult {
    const accepted: Array<{ entry: IncomingAwarenessEntry; state: unknown }> = [];
    let newIds = 0;
    for (const entry of entries) {
      const verdict = this.judge(connection, entry);
      if (verdict === 'violation') {
        return {
          ok: false,
          reason: 'foreign_id',
          detail: `client id ${entry.clientId} belongs to another connection`,
        };
      }
      // Echoes are judged on their clock alone: their JSON is never even decoded.
      if (verdict === 'echo') continue;
      const parsed = parseAwarenessState(entry);
      if (!parsed.ok) return { ok: false, reason: parsed.reason, detail: parsed.detail };
      if (!connection.awarenessClientIds.has(entry.clientId)) newIds += 1;
      accepted.push({ entry, state: parsed.state });
    }
    if (connection.awarenessClientIds.size + newIds > MAX_AWARENESS_IDS_PER_CONNECTION) {
      return {
        ok: false,
        reason: 'too_many_ids',
        detail: 'too many awareness client ids on one connection',
      };
    }
    for (const { entry, state } of accepted) {
      connection.awarenessClientIds.add(entry.clientId);
      const stateJson =
        state === null ? null : JSON.stringify(withServerIdentity(state, connection.principal));
      const previous = this.states.get(entry.clientId);
      this.states.set(entry.clientId, { clock: entry.clock, stateJson, owner: connection });
      if (previous && previous.stateJson === stateJson && !this.changed.has(entry.clientId)) {
        this.renewed.add(entry.clientId);
      } else {
        this.renewed.delete(entry.clientId);
        this.changed.add(entry.clientId);
      }
    }
    if (accepted.length > 0) this.fullUpdateCache = null;
    return { ok: true };
  }

  private judge(
    connection: CollabConnection,
    entry: IncomingAwarenessEntry,
  ): 'own' | 'echo' | 'violation' {
    const held = this.states.get(entry.clientId);
    if (held && held.owner !== connection && held.owner.isOpen) {
      return entry.clock > held.clock ? 'violation' : 'echo';
    }
    if (held && held.owner === connection) {
      // Same rule as y-protocols: an older clock is stale.
      return entry.clock < held.clock ? 'echo' : 'own';
    }
    const departedClock = this.departedClocks.get(entry.clientId);
    if (departedClock !== undefined && entry.clock <= departedClock) return 'echo';
    if (entry.isNull) return 'echo';
    return 'own';
  }

  /** Marks every state of a departing connection as gone (clock + 1, null state). */
  removeConnection(connection: CollabConnection): boolean {
    let removedAny = false;
    for (const clientId of connection.awarenessClientIds) {
      const held = this.states.get(clientId);
      if (!held || held.owner !== connection) continue;
      held.clock += 1;
      held.stateJson = null;
      this.renewed.delete(clientId);
      this.changed.add(clientId);
      removedAny = true;
    }
    if (removedAny) this.fullUpdateCache = null;
    return removedAny;
  }

  /** Renewals still waiting for their turn (the room asks for another flush while any are). */
  get pendingRenewals(): number {
    return this.renewed.size;
  }

  /**
   * What to send since the last call, as one awareness update: every change, and as many
   * renewals as the pace allows, oldest first. Null when there is nothing to send.
   */
  takeChanges(nowMs: number = performance.now()): Uint8Array | null {
    const entries: RelayedAwarenessEntry[] = [];
    for (const clientId of this.changed) {
      const held = this.states.get(clientId);
      if (!held) continue;
      entries.push({ clientId, clock: held.clock, stateJson: held.stateJson });
      // A null state has been announced once; forget it so joiners do not receive ghosts.
      if (held.stateJson === null) this.forget(clientId, held.clock);
    }
    this.changed.clear();
    this.takeRenewals(nowMs, entries);
    return entries.length > 0 ? encodeRelayedAwareness(entries) : null;
  }

  private takeRenewals(nowMs: number, into: RelayedAwarenessEntry[]): void {
    // Every state renewed within RENEWAL_SPREAD_S, whatever the room's size, and never slower
    // than MIN_RENEWALS_PER_S: peers drop a state after 30 s without news.
    const ratePerSecond = Math.max(MIN_RENEWALS_PER_S, this.states.size / RENEWAL_SPREAD_S);
    const elapsedSeconds = Math.max(0, nowMs - this.lastTakeMs) / 1000;
    this.lastTakeMs = nowMs;
    this.renewalBudget = Math.min(
      ratePerSecond,
      this.renewalBudget + ratePerSecond * elapsedSeconds,
    );
    for (const clientId of this.renewed) {
      if (this.renewalBudget < 1) break;
      this.renewed.delete(clientId);
      const held = this.states.get(clientId);
      if (!held) continue;
      into.push({ clientId, clock: held.clock, stateJson: held.stateJson });
      this.renewalBudget -= 1;
    }
  }

  private forget(clientId: number, clock: number): void {
    this.states.delete(clientId);
    this.departedClocks.delete(clientId);
    this.departedClocks.set(clientId, clock);
    if (this.departedClocks.size > MAX_DEPARTED_IDS_REMEMBERED) {
      const oldest = this.departedClocks.keys().next().value;
      if (oldest !== undefined) this.departedClocks.delete(oldest);
    }
  }

  /** Every live state, for a client that joins or asks; encoded once until something changes. */
  fullUpdate(): Uint8Array | null {
    if (this.fullUpdateCache === null) {
      const entries: RelayedAwarenessEntry[] = [];
      for (const [clientId, held] of this.states) {
        if (held.stateJson !== null)
          entries.push({ clientId, clock: held.clock, stateJson: held.stateJson });
      }
      if (entries.length === 0) return null;
      this.fullUpdateCache = encodeRelayedAwareness(entries);
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
      : (base as { color?: unknown }).color;
  // The colour is cosmetic: the client's choice is kept when it is a plain hex colour.
  const color =
    typeof claimedColour === 'string' && COLOUR_PATTERN.test(claimedColour) ? claimedColour : null;
  const name = principal?.displayName ?? 'Anonyme';
  return {
    ...base,
    // Lexical's collaboration plugin labels remote cursors with the top-level name and colour.
    name,
    color: color ?? DEFAULT_CURSOR_COLOUR,
    user: {
      id: principal?.userId ?? null,
      name,
      organisation: principal?.organisationName ?? null,
      color,
    },
  };
}
