/**
 * Close codes of connections the server closed while a workload ran (a 4xxx code is the
 * server refusing a client, e.g. a policy violation). Torn-down clients are not counted: the
 * workload reads the tally before it closes anything itself.
 */
const closesByCode = new Map<number, number>();

export function recordServerClose(code: number): void {
  closesByCode.set(code, (closesByCode.get(code) ?? 0) + 1);
}

/** e.g. "0", or "25 (4409 x25)". */
export function describeServerCloses(): string {
  const total = [...closesByCode.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return '0';
  const codes = [...closesByCode].map(([code, count]) => `${code} x${count}`).join(', ');
  return `${total} (${codes})`;
}
