/** ours / theirs, or null when either side has no number or theirs is zero. */
export function ratio(ours: number | null, theirs: number | null): number | null {
  if (ours === null || theirs === null) return null;
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return null;
  return ours / theirs;
}
