import { describe, expect, it } from 'vitest';
import { checkBallot, pollInputProblem, pollOptionsFor, tallyBallots } from './forumBallots';
import { assignBreakoutGroups, type BreakoutCandidate } from './forumBreakouts';
import { mayReadPollResults, mayRunForumCommand, forumCommands } from './forumPermissions';
import {
  pollCreateSchema,
  timerRemainingMs,
  type AgendaItem,
  type ForumLiveState,
  type Poll,
} from './forumSession';
import {
  addPoll,
  closePoll,
  endBreakout,
  endSession,
  goToAgendaItem,
  initialLiveState,
  lowerHand,
  openPoll,
  pauseSession,
  raiseHand,
  resumeSession,
  startBreakout,
  startSession,
  type ForumTransition,
} from './forumTransitions';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const agenda: AgendaItem[] = [
  { id: 'a1', title: 'Accueil', durationMinutes: 5, commitmentId: null },
  { id: 'a2', title: 'Engagement 1', durationMinutes: 20, commitmentId: 'c1' },
];

function ok(transition: ForumTransition): ForumLiveState {
  if (!transition.ok) throw new Error(`refused: ${transition.code}`);
  return transition.state;
}

function aPoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'p1',
    question: 'Quelle priorité ?',
    kind: 'single',
    options: [
      { id: 'o1', label: 'A', commitmentId: null },
      { id: 'o2', label: 'B', commitmentId: null },
      { id: 'o3', label: 'C', commitmentId: null },
    ],
    dotsPerParticipant: null,
    resultVisibility: 'live',
    anonymous: true,
    status: 'open',
    createdAt: '2026-03-01T09:00:00.000Z',
    openedAt: '2026-03-01T09:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

describe('who may do what in a forum session', () => {
  const consoleCommands = forumCommands.filter(
    (command) =>
      !['hand.raise', 'hand.lower_own', 'poll.vote', 'reaction.send', 'comment.write'].includes(
        command,
      ),
  );

  it('facilitators run every command', () => {
    for (const command of forumCommands)
      expect(mayRunForumCommand('facilitator', command, 'observe')).toBe(true);
  });

  it('members, signed-in people and guests never run the console', () => {
    for (const role of ['member', 'signed_in', 'guest'] as const) {
      for (const command of consoleCommands) {
        expect(mayRunForumCommand(role, command, 'comment'), `${role} ${command}`).toBe(false);
      }
    }
  });

  it('every participant raises and lowers their hand, votes and reacts', () => {
    for (const role of ['member', 'signed_in', 'guest'] as const) {
      for (const command of ['hand.raise', 'hand.lower_own', 'poll.vote', 'reaction.send'] as const)
        expect(mayRunForumCommand(role, command, 'observe')).toBe(true);
    }
  });

  it('guests write only when the facilitator let them comment', () => {
    expect(mayRunForumCommand('guest', 'comment.write', 'observe')).toBe(false);
    expect(mayRunForumCommand('guest', 'comment.write', 'comment')).toBe(true);
    expect(mayRunForumCommand('signed_in', 'comment.write', 'observe')).toBe(true);
  });

  it('results after closing are hidden from participants until the poll closes', () => {
    const hidden = aPoll({ resultVisibility: 'after_close' });
    expect(mayReadPollResults('member', hidden)).toBe(false);
    expect(mayReadPollResults('facilitator', hidden)).toBe(true);
    expect(mayReadPollResults('guest', { ...hidden, status: 'closed' })).toBe(true);
    expect(mayReadPollResults('guest', aPoll())).toBe(true);
  });
});

describe('session transitions and timers', () => {
  it('starting goes to the first item with its countdown running on the server clock', () => {
    const live = ok(startSession(initialLiveState(), agenda, T0));
    expect(live).toMatchObject({ status: 'live', currentItemIndex: 0, version: 2 });
    expect(timerRemainingMs(live.itemTimer!, T0 + 60_000)).toBe(4 * 60_000);
  });

  it('going to an item restarts the countdown with that item’s duration', () => {
    const live = ok(startSession(initialLiveState(), agenda, T0));
    const moved = ok(goToAgendaItem(live, agenda, 1, T0 + 3 * 60_000));
    expect(moved.currentItemIndex).toBe(1);
    expect(timerRemainingMs(moved.itemTimer!, T0 + 3 * 60_000)).toBe(20 * 60_000);
    expect(goToAgendaItem(moved, agenda, 2, T0)).toEqual({ ok: false, code: 'no_such_item' });
    expect(goToAgendaItem(initialLiveState(), agenda, 0, T0)).toEqual({
      ok: false,
      code: 'session_not_live',
    });
  });

  it('pause freezes the item and breakout timers; resume continues from there', () => {
    let state = ok(startSession(initialLiveState(), agenda, T0));
    state = ok(
      startBreakout(state, { strategy: 'random', groups: [], durationMinutes: 10 }, T0 + 60_000),
    );
    state = ok(pauseSession(state, T0 + 2 * 60_000));
    const frozenItem = timerRemainingMs(state.itemTimer!, T0 + 2 * 60_000);
    const frozenBreakout = timerRemainingMs(state.breakout!.timer, T0 + 2 * 60_000);
    expect(frozenItem).toBe(3 * 60_000);
    expect(frozenBreakout).toBe(9 * 60_000);
    // Ten minutes of pause change nothing.
    expect(timerRemainingMs(state.itemTimer!, T0 + 12 * 60_000)).toBe(frozenItem);
    state = ok(resumeSession(state, T0 + 12 * 60_000));
    expect(timerRemainingMs(state.itemTimer!, T0 + 13 * 60_000)).toBe(2 * 60_000);
    expect(timerRemainingMs(state.breakout!.timer, T0 + 13 * 60_000)).toBe(8 * 60_000);
    expect(resumeSession(state, T0)).toEqual({ ok: false, code: 'session_not_live' });
  });

  it('ending closes open polls and refuses every later change', () => {
    let state = ok(startSession(initialLiveState(), agenda, T0));
    state = ok(addPoll(state, aPoll({ status: 'draft', openedAt: null })));
    state = ok(openPoll(state, 'p1', T0));
    state = ok(endSession(state, T0 + 1000));
    expect(state.status).toBe('ended');
    expect(state.polls[0]!.status).toBe('closed');
    expect(pauseSession(state, T0)).toEqual({ ok: false, code: 'session_ended' });
    expect(raiseHand(state, 'x', null, T0)).toEqual({ ok: false, code: 'session_ended' });
  });

  it('hands queue in order; raising again changes only the topic', () => {
    let state = ok(startSession(initialLiveState(), agenda, T0));
    state = ok(raiseHand(state, 'p-a', null, T0));
    state = ok(raiseHand(state, 'p-b', 'Une question', T0 + 1));
    state = ok(raiseHand(state, 'p-a', 'Sur le jalon 2', T0 + 2));
    expect(state.hands.map((hand) => [hand.participantId, hand.topic])).toEqual([
      ['p-a', 'Sur le jalon 2'],
      ['p-b', 'Une question'],
    ]);
    state = ok(lowerHand(state, 'p-a'));
    expect(state.hands.map((hand) => hand.participantId)).toEqual(['p-b']);
  });

  it('polls go draft → open → closed, never back', () => {
    let state = ok(startSession(initialLiveState(), agenda, T0));
    state = ok(addPoll(state, aPoll({ status: 'draft', openedAt: null })));
    expect(closePoll(state, 'p1', T0)).toEqual({ ok: false, code: 'poll_not_open' });
    state = ok(openPoll(state, 'p1', T0));
    state = ok(closePoll(state, 'p1', T0));
    expect(openPoll(state, 'p1', T0)).toEqual({ ok: false, code: 'poll_not_open' });
    expect(openPoll(state, 'nope', T0)).toEqual({ ok: false, code: 'not_found' });
  });

  it('one breakout at a time; back to plenary ends it', () => {
    let state = ok(startSession(initialLiveState(), agenda, T0));
    state = ok(startBreakout(state, { strategy: 'manual', groups: [], durationMinutes: 5 }, T0));
    expect(
      startBreakout(state, { strategy: 'manual', groups: [], durationMinutes: 5 }, T0),
    ).toEqual({ ok: false, code: 'breakout_running' });
    state = ok(endBreakout(state));
    expect(state.breakout).toBeNull();
    expect(endBreakout(state)).toEqual({ ok: false, code: 'no_breakout' });
  });
});

describe('ballots', () => {
  it('single and scale take exactly one valid option', () => {
    const poll = aPoll();
    expect(checkBallot(poll, { kind: 'choice', optionIds: ['o1'] }).ok).toBe(true);
    expect(checkBallot(poll, { kind: 'choice', optionIds: ['o1', 'o2'] }).ok).toBe(false);
    expect(checkBallot(poll, { kind: 'choice', optionIds: ['zz'] }).ok).toBe(false);
    expect(checkBallot(poll, { kind: 'dots', dots: { o1: 1 } }).ok).toBe(false);
    const scale = aPoll({ kind: 'scale' });
    expect(checkBallot(scale, { kind: 'choice', optionIds: [] }).ok).toBe(false);
  });

  it('multiple takes distinct valid options', () => {
    const poll = aPoll({ kind: 'multiple' });
    expect(checkBallot(poll, { kind: 'choice', optionIds: ['o1', 'o3'] }).ok).toBe(true);
    expect(checkBallot(poll, { kind: 'choice', optionIds: ['o1', 'o1'] }).ok).toBe(false);
  });

  it('dots sum to at most the poll’s dots, on valid options only', () => {
    const poll = aPoll({ kind: 'dots', dotsPerParticipant: 5 });
    expect(checkBallot(poll, { kind: 'dots', dots: { o1: 3, o2: 2 } }).ok).toBe(true);
    expect(checkBallot(poll, { kind: 'dots', dots: { o1: 4, o2: 2 } }).ok).toBe(false);
    expect(checkBallot(poll, { kind: 'dots', dots: { zz: 1 } }).ok).toBe(false);
    expect(checkBallot(poll, { kind: 'dots', dots: {} }).ok).toBe(false);
    expect(checkBallot(poll, { kind: 'dots', dots: { o1: 0.5 } }).ok).toBe(false);
  });

  it('tallies votes and dots, every option listed', () => {
    const dots = aPoll({ kind: 'dots', dotsPerParticipant: 5 });
    expect(
      tallyBallots(dots, [
        { kind: 'dots', dots: { o1: 3, o2: 2 } },
        { kind: 'dots', dots: { o1: 1 } },
      ]),
    ).toEqual({ voterCount: 2, totals: { o1: 4, o2: 2, o3: 0 } });
  });

  it('a scale poll gets five options 1 to 5; others need two options, dots a count', () => {
    let next = 0;
    const options = pollOptionsFor({ kind: 'scale', options: [] }, () => `id${++next}`);
    expect(options.map((option) => option.label)).toEqual(['1', '2', '3', '4', '5']);
    const input = pollCreateSchema.parse({
      question: 'Q',
      kind: 'dots',
      options: [{ label: 'A' }, { label: 'B' }],
    });
    expect(pollInputProblem(input)).toMatch(/dotsPerParticipant/);
    expect(pollInputProblem({ ...input, kind: 'single', options: [input.options[0]!] })).toMatch(
      /two options/,
    );
  });
});

describe('breakout groups', () => {
  const people: BreakoutCandidate[] = [
    ...Array.from({ length: 6 }, (_, i) => ({
      id: `adm${i}`,
      participantKind: 'administration' as const,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      id: `cs${i}`,
      participantKind: 'civil_society' as const,
    })),
    ...Array.from({ length: 2 }, (_, i) => ({
      id: `cit${i}`,
      participantKind: 'citizen' as const,
    })),
  ];
  let counter = 0;
  const newId = () => `g${++counter}`;

  it('organisation mix spreads each kind evenly and keeps sizes within one', () => {
    const result = assignBreakoutGroups({
      strategy: 'organisation_mix',
      commitmentIds: ['c1', 'c2', 'c3'],
      participants: people,
      seed: 'session-1',
      newId,
    });
    if (!result.ok) throw new Error(result.detail);
    const sizes = result.groups.map((group) => group.participantIds.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const kind of ['adm', 'cs', 'cit']) {
      const perGroup = result.groups.map(
        (group) => group.participantIds.filter((id) => id.startsWith(kind)).length,
      );
      expect(Math.max(...perGroup) - Math.min(...perGroup), kind).toBeLessThanOrEqual(1);
    }
    expect(result.groups.flatMap((group) => group.participantIds).sort()).toEqual(
      people.map((person) => person.id).sort(),
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: string) => {
      const result = assignBreakoutGroups({
        strategy: 'random',
        commitmentIds: ['c1', 'c2'],
        participants: people,
        seed,
        newId,
      });
      return result.ok ? result.groups.map((group) => group.participantIds) : null;
    };
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
  });

  it('manual assignment refuses unknown people and groups', () => {
    const base = {
      strategy: 'manual' as const,
      commitmentIds: ['c1', 'c2'],
      participants: people,
      seed: 's',
      newId,
    };
    const result = assignBreakoutGroups({ ...base, assignments: { adm0: 1, cs0: 0 } });
    expect(result.ok && result.groups.map((group) => group.participantIds)).toEqual([
      ['cs0'],
      ['adm0'],
    ]);
    expect(assignBreakoutGroups({ ...base, assignments: { ghost: 0 } }).ok).toBe(false);
    expect(assignBreakoutGroups({ ...base, assignments: { adm0: 2 } }).ok).toBe(false);
  });
});
