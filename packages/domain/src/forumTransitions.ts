import type {
  AgendaItem,
  Breakout,
  BreakoutGroup,
  BreakoutStrategy,
  ForumLiveState,
  Poll,
  RaisedHand,
} from './forumSession';
import { FORUM_LIMITS } from './forumSession';
import { newTimer, pauseTimer, resumeTimer } from './forumTimers';

/**
 * The state machine of a live session, as pure functions: each takes the state and the server's
 * clock and returns the next state (version + 1) or why the change does not apply. The server
 * persists the result before anyone hears of it.
 */
export type ForumTransitionRefusal =
  | 'session_ended'
  | 'session_not_live'
  | 'no_such_item'
  | 'not_found'
  | 'poll_not_open'
  | 'too_many_polls'
  | 'breakout_running'
  | 'no_breakout'
  | 'invalid_payload';

export type ForumTransition =
  | { readonly ok: true; readonly state: ForumLiveState }
  | { readonly ok: false; readonly code: ForumTransitionRefusal };

const refuse = (code: ForumTransitionRefusal): ForumTransition => ({ ok: false, code });

function next(state: ForumLiveState, changes: Partial<ForumLiveState>): ForumTransition {
  return { ok: true, state: { ...state, ...changes, version: state.version + 1 } };
}

export function initialLiveState(): ForumLiveState {
  return {
    status: 'scheduled',
    version: 1,
    currentItemIndex: null,
    itemTimer: null,
    spotlight: null,
    hands: [],
    floorParticipantId: null,
    polls: [],
    breakout: null,
    startedAt: null,
    endedAt: null,
  };
}

const minutesToMs = (minutes: number): number => minutes * 60_000;

/** Opens the session on its first agenda item (if it has one), the item's countdown running. */
export function startSession(
  state: ForumLiveState,
  agenda: readonly AgendaItem[],
  nowMs: number,
): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (state.status !== 'scheduled') return { ok: true, state }; // already started: nothing to do
  const first = agenda[0];
  return next(state, {
    status: 'live',
    startedAt: new Date(nowMs).toISOString(),
    currentItemIndex: first ? 0 : null,
    itemTimer: first ? newTimer(minutesToMs(first.durationMinutes), nowMs, true) : null,
  });
}

/** Freezes every countdown (agenda item and breakout) where it is. */
export function pauseSession(state: ForumLiveState, nowMs: number): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (state.status !== 'live') return refuse('session_not_live');
  return next(state, {
    status: 'paused',
    itemTimer: state.itemTimer && pauseTimer(state.itemTimer, nowMs),
    breakout: state.breakout && {
      ...state.breakout,
      timer: pauseTimer(state.breakout.timer, nowMs),
    },
  });
}

/** Sets every countdown running again from where the pause left it. */
export function resumeSession(state: ForumLiveState, nowMs: number): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (state.status !== 'paused') return refuse('session_not_live');
  return next(state, {
    status: 'live',
    itemTimer: state.itemTimer && resumeTimer(state.itemTimer, nowMs),
    breakout: state.breakout && {
      ...state.breakout,
      timer: resumeTimer(state.breakout.timer, nowMs),
    },
  });
}

/** Ends the session: timers stop, open polls close, breakouts and hands are over. */
export function endSession(state: ForumLiveState, nowMs: number): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  const endedAt = new Date(nowMs).toISOString();
  return next(state, {
    status: 'ended',
    endedAt,
    startedAt: state.startedAt ?? endedAt,
    itemTimer: state.itemTimer && pauseTimer(state.itemTimer, nowMs),
    breakout: null,
    hands: [],
    floorParticipantId: null,
    polls: state.polls.map((poll) =>
      poll.status === 'open' ? { ...poll, status: 'closed', closedAt: endedAt } : poll,
    ),
  });
}

/** Moves to an agenda item; its countdown restarts from the item's full duration. */
export function goToAgendaItem(
  state: ForumLiveState,
  agenda: readonly AgendaItem[],
  itemIndex: number,
  nowMs: number,
): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (state.status === 'scheduled') return refuse('session_not_live');
  const item = agenda[itemIndex];
  if (!Number.isInteger(itemIndex) || !item) return refuse('no_such_item');
  return next(state, {
    currentItemIndex: itemIndex,
    itemTimer: newTimer(minutesToMs(item.durationMinutes), nowMs, state.status === 'live'),
  });
}

export function setSpotlight(
  state: ForumLiveState,
  spotlight: { commitmentId: string; passageQuote: string | null } | null,
  nowMs: number,
): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  return next(state, {
    spotlight: spotlight && { ...spotlight, setAt: new Date(nowMs).toISOString() },
  });
}

/** Raises a hand at the end of the queue; raising it again only changes the topic. */
export function raiseHand(
  state: ForumLiveState,
  participantId: string,
  topic: string | null,
  nowMs: number,
): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  const existing = state.hands.find((hand) => hand.participantId === participantId);
  if (existing && existing.topic === topic) return { ok: true, state };
  const hand: RaisedHand = existing
    ? { ...existing, topic }
    : { participantId, topic, raisedAt: new Date(nowMs).toISOString() };
  const hands = existing
    ? state.hands.map((other) => (other.participantId === participantId ? hand : other))
    : [...state.hands, hand];
  return next(state, { hands });
}

/** Lowers a hand (nothing to do when it is not raised). */
export function lowerHand(state: ForumLiveState, participantId: string): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (!state.hands.some((hand) => hand.participantId === participantId)) return { ok: true, state };
  return next(state, { hands: state.hands.filter((hand) => hand.participantId !== participantId) });
}

/** Gives the floor to someone (their raised hand comes down), or takes it back with null. */
export function giveFloor(state: ForumLiveState, participantId: string | null): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  return next(state, {
    floorParticipantId: participantId,
    hands:
      participantId === null
        ? state.hands
        : state.hands.filter((hand) => hand.participantId !== participantId),
  });
}

export function addPoll(state: ForumLiveState, poll: Poll): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (state.polls.length >= FORUM_LIMITS.pollsMax) return refuse('too_many_polls');
  return next(state, { polls: [...state.polls, poll] });
}

/** Opens a draft poll for voting (opening an open poll again changes nothing). */
export function openPoll(state: ForumLiveState, pollId: string, nowMs: number): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  const poll = state.polls.find((candidate) => candidate.id === pollId);
  if (!poll) return refuse('not_found');
  if (poll.status === 'open') return { ok: true, state };
  if (poll.status === 'closed') return refuse('poll_not_open');
  return next(state, {
    polls: state.polls.map((candidate) =>
      candidate.id === pollId
        ? { ...candidate, status: 'open', openedAt: new Date(nowMs).toISOString() }
        : candidate,
    ),
  });
}

export function closePoll(state: ForumLiveState, pollId: string, nowMs: number): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  const poll = state.polls.find((candidate) => candidate.id === pollId);
  if (!poll) return refuse('not_found');
  if (poll.status !== 'open') return refuse('poll_not_open');
  return next(state, {
    polls: state.polls.map((candidate) =>
      candidate.id === pollId
        ? { ...candidate, status: 'closed', closedAt: new Date(nowMs).toISOString() }
        : candidate,
    ),
  });
}

export function startBreakout(
  state: ForumLiveState,
  breakout: { strategy: BreakoutStrategy; groups: BreakoutGroup[]; durationMinutes: number },
  nowMs: number,
): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (state.status === 'scheduled') return refuse('session_not_live');
  if (state.breakout) return refuse('breakout_running');
  const started: Breakout = {
    strategy: breakout.strategy,
    groups: breakout.groups,
    timer: newTimer(minutesToMs(breakout.durationMinutes), nowMs, state.status === 'live'),
    startedAt: new Date(nowMs).toISOString(),
  };
  return next(state, { breakout: started });
}

/** "Back to plenary": everyone's screen returns to the session's spotlight and agenda. */
export function endBreakout(state: ForumLiveState): ForumTransition {
  if (state.status === 'ended') return refuse('session_ended');
  if (!state.breakout) return refuse('no_breakout');
  return next(state, { breakout: null });
}

/** The poll of a state by id, when there is one. */
export function findPoll(state: ForumLiveState, pollId: string): Poll | undefined {
  return state.polls.find((poll) => poll.id === pollId);
}
