/**
 * What the person sees about the link to the server, as a small state machine fed by the
 * provider's events and the browser's online/offline events:
 *
 *   connecting ──connected──▶ connected ──disconnected──▶ reconnecting ──(3 failures)──▶ offline
 *        ▲                        ▲ └──────browser_offline──────────────────────────────▶ │
 *        │                        └────────────────────connected──────────────────────────┘
 *   any ──closed_for_good──▶ stopped (the server refused us; reconnecting cannot help)
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Connection attempts that failed since the last successful one. */
  readonly failedAttempts: number;
  /** True once the server's state has been received on the current connection. */
  readonly synced: boolean;
  /** Set in `stopped`: the close code's stable reason (`access_revoked`, …). */
  readonly stopReason: string | null;
}

export type ConnectionEvent =
  | { readonly type: 'connecting' }
  | { readonly type: 'connected' }
  | { readonly type: 'synced' }
  | { readonly type: 'disconnected' }
  | { readonly type: 'browser_offline' }
  | { readonly type: 'browser_online' }
  | { readonly type: 'closed_for_good'; readonly reason: string };

/** After this many failed attempts in a row, the server is out of reach: say "offline". */
export const OFFLINE_AFTER_FAILED_ATTEMPTS = 3;

export const initialConnectionState: ConnectionState = {
  status: 'connecting',
  failedAttempts: 0,
  synced: false,
  stopReason: null,
};

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  // Only an explicit new connection leaves `stopped` (a person clicked "retry").
  if (state.status === 'stopped' && event.type !== 'connected') return state;
  switch (event.type) {
    case 'connecting':
      // The provider announces every attempt; the visible status only changes on outcomes.
      return state;
    case 'connected':
      return { status: 'connected', failedAttempts: 0, synced: false, stopReason: null };
    case 'synced':
      return state.status === 'connected' ? { ...state, synced: true } : state;
    case 'disconnected': {
      if (state.status === 'offline') return { ...state, failedAttempts: state.failedAttempts + 1 };
      const failedAttempts = state.status === 'connected' ? 0 : state.failedAttempts + 1;
      const status = failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS ? 'offline' : 'reconnecting';
      return { ...state, status, failedAttempts, synced: false };
    }
    case 'browser_offline':
      return { ...state, status: 'offline', synced: false };
    case 'browser_online':
      return state.status === 'offline'
        ? { ...state, status: 'reconnecting', failedAttempts: 0 }
        : state;
    case 'closed_for_good':
      return { ...state, status: 'stopped', synced: false, stopReason: event.reason };
  }
}
