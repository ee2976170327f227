import type { ForumLiveState, ForumParticipantRole } from '@atelier/domain';
import type { ForumSessionDto } from '@atelier/protocol';

/**
 * Guests and signed-in people who joined by code are not readers of the consultation: the
 * server opens them, read-only, the drafts the session works on, and only while it runs.
 */
export function admittedByCode(role: ForumParticipantRole): boolean {
  return role === 'guest' || role === 'signed_in';
}

export function isSessionRunning(status: ForumLiveState['status']): boolean {
  return status === 'live' || status === 'paused';
}

/** The commitments the session works on (agenda, spotlight, breakout groups), sorted by id. */
export function sessionCommitmentIds(
  session: Pick<ForumSessionDto, 'agenda'>,
  state: Pick<ForumLiveState, 'spotlight' | 'breakout'>,
): string[] {
  const ids = new Set<string>();
  for (const item of session.agenda) if (item.commitmentId) ids.add(item.commitmentId);
  if (state.spotlight) ids.add(state.spotlight.commitmentId);
  for (const group of state.breakout?.groups ?? []) ids.add(group.commitmentId);
  return [...ids].sort();
}
