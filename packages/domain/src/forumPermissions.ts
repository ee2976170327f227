import type { ForumParticipantRole, GuestPolicy } from './forumSession';

/**
 * Who may do what in a live forum session (issue 7). Pure: the server asks here for every
 * command, again each time it arrives; the console and the participant screens only mirror it.
 */
export const forumCommands = [
  // The facilitator's console.
  'session.start',
  'session.pause',
  'session.resume',
  'session.end',
  'agenda.goto',
  'spotlight.set',
  'hand.lower_any',
  'floor.give',
  'poll.create',
  'poll.open',
  'poll.close',
  'breakout.start',
  'breakout.end',
  'contribution.hide',
  // Every participant.
  'hand.raise',
  'hand.lower_own',
  'poll.vote',
  'reaction.send',
  /**
   * A written contribution to the room, or a raised hand's topic (guests only under the
   * `comment` policy).
   */
  'comment.write',
] as const;
export type ForumCommand = (typeof forumCommands)[number];

const PARTICIPANT_COMMANDS: ReadonlySet<ForumCommand> = new Set([
  'hand.raise',
  'hand.lower_own',
  'poll.vote',
  'reaction.send',
  'comment.write',
]);

export function mayRunForumCommand(
  role: ForumParticipantRole,
  command: ForumCommand,
  guestPolicy: GuestPolicy,
): boolean {
  if (role === 'facilitator') return true;
  if (!PARTICIPANT_COMMANDS.has(command)) return false;
  if (command === 'comment.write') return role !== 'guest' || guestPolicy === 'comment';
  return true;
}

/** Whether a screen may see a poll's totals now: facilitators always, others per the poll. */
export function mayReadPollResults(
  role: ForumParticipantRole,
  poll: { readonly resultVisibility: 'live' | 'after_close'; readonly status: string },
): boolean {
  if (role === 'facilitator') return true;
  if (poll.status === 'draft') return false;
  return poll.resultVisibility === 'live' || poll.status === 'closed';
}
