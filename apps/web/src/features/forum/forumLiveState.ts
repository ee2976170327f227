import type { ForumLiveState, ForumReactionKind } from '@atelier/domain';
import type {
  AttendancePayload,
  ForumSessionDto,
  ForumStatePayload,
  JoinedAck,
  PollResultsPayload,
} from '@atelier/protocol';

import { offsetFromRoundTrip, refineOffset } from './serverClock';

/**
 * What one screen knows of a running session, built from the join snapshot and the broadcasts
 * that follow. Pure, so that ordering rules (stale states dropped, results per poll) are tested
 * without a socket.
 */
export interface ForumView {
  readonly session: ForumSessionDto;
  readonly state: ForumLiveState;
  /** By poll id. */
  readonly results: Readonly<Record<string, PollResultsPayload>>;
  readonly attendance: AttendancePayload;
  readonly you: JoinedAck['you'];
  /** Server clock minus this browser's clock, ms. */
  readonly offsetMs: number;
}

export interface ShownReaction {
  readonly id: number;
  readonly kind: ForumReactionKind;
}

export type ForumViewAction =
  | {
      readonly type: 'joined';
      readonly ack: JoinedAck;
      readonly sentAtMs: number;
      readonly receivedAtMs: number;
    }
  | { readonly type: 'state'; readonly payload: ForumStatePayload; readonly receivedAtMs: number }
  | { readonly type: 'results'; readonly payload: PollResultsPayload }
  | { readonly type: 'attendance'; readonly payload: AttendancePayload }
  | { readonly type: 'voted'; readonly pollId: string };

export function forumViewReducer(
  view: ForumView | null,
  action: ForumViewAction,
): ForumView | null {
  if (action.type === 'joined') {
    const { snapshot, you } = action.ack;
    // A (re)join is the server's whole truth at that moment: it replaces what we had.
    return {
      session: snapshot.session,
      state: snapshot.state,
      results: Object.fromEntries(snapshot.results.map((result) => [result.pollId, result])),
      attendance: snapshot.attendance,
      you,
      offsetMs: offsetFromRoundTrip(action.sentAtMs, action.receivedAtMs, snapshot.serverNowMs),
    };
  }
  if (view === null) return null;
  switch (action.type) {
    case 'state': {
      const { payload } = action;
      if (payload.sessionId !== view.session.id) return view;
      const offsetMs = refineOffset(view.offsetMs, payload.serverNowMs, action.receivedAtMs);
      // Broadcasts can cross a rejoin's snapshot: never go back to an older state.
      if (payload.state.version < view.state.version) return { ...view, offsetMs };
      return {
        ...view,
        session: { ...view.session, status: payload.state.status },
        state: payload.state,
        offsetMs,
      };
    }
    case 'results':
      if (action.payload.sessionId !== view.session.id) return view;
      return { ...view, results: { ...view.results, [action.payload.pollId]: action.payload } };
    case 'attendance':
      if (action.payload.sessionId !== view.session.id) return view;
      return { ...view, attendance: action.payload };
    case 'voted':
      if (view.you.votedPollIds.includes(action.pollId)) return view;
      return {
        ...view,
        you: { ...view.you, votedPollIds: [...view.you.votedPollIds, action.pollId] },
      };
  }
}
