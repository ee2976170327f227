import type { Spotlight } from '@atelier/domain';

/**
 * Whether a participant's screen follows the facilitator's spotlight or roams freely.
 * Following, the draft shown is the spotlighted one (or the breakout group's during a
 * breakout); roaming, it is whatever the participant chose, and a new spotlight only tells
 * them there is one to go back to.
 */
export interface FollowState {
  readonly mode: 'follow' | 'roam';
  /** The commitment shown while roaming. */
  readonly roamCommitmentId: string | null;
}

export const initialFollowState: FollowState = { mode: 'follow', roamCommitmentId: null };

export type FollowAction =
  | { readonly type: 'roam'; readonly commitmentId: string | null }
  | { readonly type: 'back_to_spotlight' };

export function followReducer(state: FollowState, action: FollowAction): FollowState {
  switch (action.type) {
    case 'roam':
      return { mode: 'roam', roamCommitmentId: action.commitmentId };
    case 'back_to_spotlight':
      return initialFollowState;
  }
}

export interface ShownDraft {
  readonly commitmentId: string | null;
  /** A passage to scroll to, when following a spotlight that names one. */
  readonly passageQuote: string | null;
  /** Why this draft: the room's spotlight, the breakout group's, or the participant's choice. */
  readonly source: 'spotlight' | 'breakout' | 'roam' | 'none';
  /** Roaming while the room looks at another draft: offer "back to the spotlight". */
  readonly awayFromRoom: boolean;
}

/** What the participant's screen shows, given where the room is and whether they follow. */
export function shownDraft(
  state: FollowState,
  spotlight: Spotlight | null,
  breakoutCommitmentId: string | null,
): ShownDraft {
  const room: ShownDraft =
    breakoutCommitmentId !== null
      ? {
          commitmentId: breakoutCommitmentId,
          passageQuote: null,
          source: 'breakout',
          awayFromRoom: false,
        }
      : spotlight
        ? {
            commitmentId: spotlight.commitmentId,
            passageQuote: spotlight.passageQuote,
            source: 'spotlight',
            awayFromRoom: false,
          }
        : { commitmentId: null, passageQuote: null, source: 'none', awayFromRoom: false };
  if (state.mode === 'follow') return room;
  return {
    commitmentId: state.roamCommitmentId,
    passageQuote: null,
    source: 'roam',
    awayFromRoom: room.commitmentId !== null && room.commitmentId !== state.roamCommitmentId,
  };
}
