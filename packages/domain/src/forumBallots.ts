import type { Ballot, Poll, PollCreateInput, PollOption } from './forumSession';

export type BallotCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'invalid_ballot'; readonly detail: string };

const VALID: BallotCheck = { ok: true };
const invalid = (detail: string): BallotCheck => ({ ok: false, reason: 'invalid_ballot', detail });

/** The options of a new poll: a scale always gets five options labelled 1 to 5. */
export function pollOptionsFor(
  input: Pick<PollCreateInput, 'kind' | 'options'>,
  newId: () => string,
): PollOption[] {
  if (input.kind === 'scale') {
    return [1, 2, 3, 4, 5].map((value) => ({
      id: newId(),
      label: String(value),
      commitmentId: null,
    }));
  }
  return input.options.map((option) => ({
    id: newId(),
    label: option.label,
    commitmentId: option.commitmentId,
  }));
}

/** Why a poll as asked for cannot be created (null when it can). */
export function pollInputProblem(input: PollCreateInput): string | null {
  if (input.kind === 'scale') return null;
  if (input.options.length < 2) return 'a poll needs at least two options';
  if (input.kind === 'dots' && input.dotsPerParticipant === null)
    return 'a dot vote needs dotsPerParticipant';
  return null;
}

/**
 * Whether a ballot is a valid answer to a poll: `single` and `scale` exactly one of the poll's
 * options; `multiple` one or more distinct ones; `dots` only the poll's options, each with a
 * positive whole number of dots, summing to at most the poll's dots per participant.
 */
export function checkBallot(poll: Poll, ballot: Ballot): BallotCheck {
  const optionIds = new Set(poll.options.map((option) => option.id));
  if (poll.kind === 'dots') {
    if (ballot.kind !== 'dots') return invalid('a dot vote takes dots');
    const entries = Object.entries(ballot.dots);
    if (entries.length === 0) return invalid('place at least one dot');
    let total = 0;
    for (const [optionId, dots] of entries) {
      if (!optionIds.has(optionId)) return invalid('unknown option');
      if (!Number.isInteger(dots) || dots < 1) return invalid('dots are positive whole numbers');
      total += dots;
    }
    const allowed = poll.dotsPerParticipant ?? 0;
    return total <= allowed ? VALID : invalid(`at most ${allowed} dots`);
  }
  if (ballot.kind !== 'choice') return invalid('this poll takes a choice');
  const chosen = ballot.optionIds;
  if (chosen.some((id) => !optionIds.has(id))) return invalid('unknown option');
  if (new Set(chosen).size !== chosen.length) return invalid('an option chosen twice');
  if (poll.kind === 'multiple') return chosen.length >= 1 ? VALID : invalid('choose an option');
  return chosen.length === 1 ? VALID : invalid('choose exactly one option');
}

/** What one ballot adds to each option: one vote per chosen option, or the dots placed. */
export function ballotWeights(ballot: Ballot): Array<readonly [optionId: string, weight: number]> {
  if (ballot.kind === 'dots') return Object.entries(ballot.dots);
  return ballot.optionIds.map((id) => [id, 1] as const);
}

export interface PollTally {
  readonly voterCount: number;
  /** Every option of the poll, zero included. */
  readonly totals: Readonly<Record<string, number>>;
}

/** Totals of a poll from its (already validated) ballots. */
export function tallyBallots(poll: Poll, ballots: readonly Ballot[]): PollTally {
  const totals: Record<string, number> = {};
  for (const option of poll.options) totals[option.id] = 0;
  for (const ballot of ballots) {
    for (const [optionId, weight] of ballotWeights(ballot)) {
      if (Object.hasOwn(totals, optionId)) totals[optionId] = (totals[optionId] ?? 0) + weight;
    }
  }
  return { voterCount: ballots.length, totals };
}
