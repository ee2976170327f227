/**
 * Dot-voting: each participant spreads a fixed number of dots across options, several on one
 * option if they like. Pure state so that the +/- buttons, the counter and the ballot agree.
 */
export type DotsAllocation = Readonly<Record<string, number>>;

export function dotsUsed(allocation: DotsAllocation): number {
  return Object.values(allocation).reduce((sum, dots) => sum + dots, 0);
}

export function dotsLeft(allocation: DotsAllocation, dotsPerParticipant: number): number {
  return Math.max(0, dotsPerParticipant - dotsUsed(allocation));
}

/** One more dot on an option; unchanged when none is left. */
export function addDot(
  allocation: DotsAllocation,
  optionId: string,
  dotsPerParticipant: number,
): DotsAllocation {
  if (dotsLeft(allocation, dotsPerParticipant) === 0) return allocation;
  return { ...allocation, [optionId]: (allocation[optionId] ?? 0) + 1 };
}

/** One dot fewer on an option; an option back at zero leaves the ballot. */
export function removeDot(allocation: DotsAllocation, optionId: string): DotsAllocation {
  const current = allocation[optionId] ?? 0;
  if (current === 0) return allocation;
  const { [optionId]: _removed, ...rest } = allocation;
  return current === 1 ? rest : { ...rest, [optionId]: current - 1 };
}

/** The ballot the server takes: only options with dots (it refuses zeros). */
export function dotsBallot(allocation: DotsAllocation): { kind: 'dots'; dots: DotsAllocation } {
  return {
    kind: 'dots',
    dots: Object.fromEntries(Object.entries(allocation).filter(([, dots]) => dots > 0)),
  };
}
