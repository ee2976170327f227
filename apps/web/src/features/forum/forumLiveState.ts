import type { ForumLiveState, ForumReactionKind } from '@atelier/domain';
import {
  SNAPSHOT_CONTRIBUTIONS_MAX,
  type AttendancePayload,
  type ContributionPayload,
  type ContributionsPayload,
  type ForumSessionDto,
  type ForumStatePayload,
  type JoinedAck,
  type PollResultsPayload,
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
  /** The latest written contributions, oldest first, and the session's total. */
  readonly contributions: ContributionsPayload;
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
  | { readonly type: 'contribution'; readonly payload: ContributionPayload }
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
      contributions: snapshot.contributions,
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
    case 'contribution': {
      if (action.payload.sessionId !== view.session.id) return view;
      const { contribution, total } = action.payload;
      const items = view.contributions.items;
      const known = items.findIndex((item) => item.id === contribution.id);
      // A known one changed (hidden); a new one goes last, the oldest drop past the bound.
      const next =
        known >= 0
          ? items.map((item, index) => (index === known ? contribution : item))
          : [...items, contribution].slice(-SNAPSHOT_CONTRIBUTIONS_MAX);
      return {
        ...view,
        contributions: { items: next, total: Math.max(total, view.contributions.total) },
      };
    }
    case 'voted':
      if (view.you.votedPollIds.includes(action.pollId)) return view;
      return {
        ...view,
        you: { ...view.you, votedPollIds: [...view.you.votedPollIds, action.pollId] },
      };
  }
}
