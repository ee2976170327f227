import type { ForumLiveState, ForumSession } from '@atelier/domain';

/** Live or paused: the session is under way, its guests are in the room. */
export function isSessionRunning(state: Pick<ForumLiveState, 'status'>): boolean {
  return state.status === 'live' || state.status === 'paused';
}

/** Every commitment the session works on: its agenda's, the spotlight's, its breakout groups'. */
export function commitmentsOfSession(
  session: Pick<ForumSession, 'agenda'>,
  state: Pick<ForumLiveState, 'spotlight' | 'breakout'>,
): Set<string> {
  const ids = new Set<string>();
  for (const item of session.agenda) if (item.commitmentId) ids.add(item.commitmentId);
  if (state.spotlight) ids.add(state.spotlight.commitmentId);
  for (const group of state.breakout?.groups ?? []) ids.add(group.commitmentId);
  return ids;
}

/**
 * The commitments whose drafts the session opens, read-only, to the people it let in by code
 * (guests, signed-in non-members): those it works on, and only while it runs.
 */
export function draftsOpenedBySession(
  session: Pick<ForumSession, 'agenda'>,
  state: Pick<ForumLiveState, 'status' | 'spotlight' | 'breakout'>,
): Set<string> {
  return isSessionRunning(state) ? commitmentsOfSession(session, state) : new Set();
}
