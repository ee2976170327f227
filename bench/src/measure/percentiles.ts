/**
 * Nearest-rank percentile (p in 0..100). Missing samples may be passed as Infinity so a run
 * that lost more than (100 - p)% of its edits reports Infinity instead of a flattering number.
 * Returns null for an empty sample.
 */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  if (p < 0 || p > 100) throw new RangeError(`percentile out of range: ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}
