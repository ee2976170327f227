import type { ForumLiveState } from '@atelier/domain';
import type { ForumContributionDto, JoinedAck } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';

import { forumViewReducer, type ForumView } from './forumLiveState';

const state = (version: number, changes: Partial<ForumLiveState> = {}): ForumLiveState => ({
  status: 'live',
  version,
  currentItemIndex: 0,
  itemTimer: null,
  spotlight: null,
  hands: [],
  floorParticipantId: null,
  polls: [],
  breakout: null,
  startedAt: '2026-03-10T10:00:00Z',
  endedAt: null,
  ...changes,
});

const joined = (version: number, serverNowMs: number): JoinedAck => ({
  snapshot: {
    session: {
      id: 's1',
      consultationId: 'c1',
      title: 'Forum',
      scheduledAt: '2026-03-10T10:00:00Z',
      format: 'hybrid',
      agenda: [],
      joinCode: null,
      guestPolicy: 'observe',
      minutesDocName: 'forum-minutes-s1',
      status: 'live',
    },
    state: state(version),
    results: [{ sessionId: 's1', pollId: 'p1', voterCount: 1, totals: { a: 1 }, voters: null }],
    attendance: {
      sessionId: 's1',
      connectedCount: 2,
      joinedByKind: { administration: 1, civil_society: 0, other: 0, citizen: 1 },
      participants: null,
    },
    contributions: { items: [], total: 0 },
    serverNowMs,
  },
  you: {
    participantId: 'me',
    role: 'guest',
    displayName: 'Léa',
    votedPollIds: [],
    mayComment: false,
  },
});

const contribution = (
  id: string,
  changes: Partial<ForumContributionDto> = {},
): ForumContributionDto => ({
  id,
  sessionId: 's1',
  authorName: 'Léa',
  authorKind: 'civil_society',
  authorRole: 'guest',
  body: `Texte ${id}`,
  agendaItemId: null,
  agendaItemTitle: null,
  commitmentId: null,
  passageQuote: null,
  createdAt: '2026-03-10T10:05:00Z',
  hidden: null,
  ...changes,
});

function joinedView(version = 5): ForumView {
  const view = forumViewReducer(null, {
    type: 'joined',
    ack: joined(version, 10_100),
    sentAtMs: 10_000,
    receivedAtMs: 10_200,
  });
  if (!view) throw new Error('no view');
  return view;
}

describe('forumViewReducer', () => {
  it('builds the view from the join snapshot, with the clock offset of the round trip', () => {
    const view = joinedView();
    expect(view.state.version).toBe(5);
    expect(view.results.p1?.totals).toEqual({ a: 1 });
    expect(view.offsetMs).toBe(0);
  });

  it('ignores broadcasts before joining', () => {
    expect(
      forumViewReducer(null, {
        type: 'state',
        payload: { sessionId: 's1', state: state(9), serverNowMs: 0 },
        receivedAtMs: 0,
      }),
    ).toBeNull();
  });

  it('takes newer states and drops older ones that arrive late', () => {
    const newer = forumViewReducer(joinedView(), {
      type: 'state',
      payload: { sessionId: 's1', state: state(6, { status: 'paused' }), serverNowMs: 20_000 },
      receivedAtMs: 20_000,
    });
    expect(newer?.state.version).toBe(6);
    expect(newer?.session.status).toBe('paused');
    const stale = forumViewReducer(newer, {
      type: 'state',
      payload: { sessionId: 's1', state: state(4), serverNowMs: 20_500 },
      receivedAtMs: 20_000,
    });
    expect(stale?.state.version).toBe(6);
    // ...but its timestamp still proves the clock offset was too low.
    expect(stale?.offsetMs).toBe(500);
  });

  it('ignores another session’s broadcasts', () => {
    const view = joinedView();
    const other = forumViewReducer(view, {
      type: 'results',
      payload: { sessionId: 's2', pollId: 'p1', voterCount: 9, totals: null, voters: null },
    });
    expect(other).toBe(view);
  });

  it('replaces one poll’s results and remembers a vote once', () => {
    let view = forumViewReducer(joinedView(), {
      type: 'results',
      payload: { sessionId: 's1', pollId: 'p2', voterCount: 3, totals: { b: 3 }, voters: null },
    });
    view = forumViewReducer(view, { type: 'voted', pollId: 'p2' });
    view = forumViewReducer(view, { type: 'voted', pollId: 'p2' });
    expect(view?.results.p1?.voterCount).toBe(1);
    expect(view?.results.p2?.voterCount).toBe(3);
    expect(view?.you.votedPollIds).toEqual(['p2']);
  });

  it('appends new contributions and replaces a hidden one in place', () => {
    let view = forumViewReducer(joinedView(), {
      type: 'contribution',
      payload: { sessionId: 's1', contribution: contribution('c1'), total: 1 },
    });
    view = forumViewReducer(view, {
      type: 'contribution',
      payload: { sessionId: 's1', contribution: contribution('c2'), total: 2 },
    });
    const trace = contribution('c1', {
      body: null,
      hidden: { reason: 'Hors sujet', hiddenAt: '2026-03-10T10:06:00Z', hiddenByName: 'Anne' },
    });
    view = forumViewReducer(view, {
      type: 'contribution',
      payload: { sessionId: 's1', contribution: trace, total: 2 },
    });
    expect(view?.contributions.items.map((item) => [item.id, item.body])).toEqual([
      ['c1', null],
      ['c2', 'Texte c2'],
    ]);
    expect(view?.contributions.total).toBe(2);
    const other = forumViewReducer(view, {
      type: 'contribution',
      payload: { sessionId: 's2', contribution: contribution('c3'), total: 1 },
    });
    expect(other).toBe(view);
  });
});
