import type { ProcessSample } from './procStats';

/** The server's samples taken at a load run's marks, by mark name (null: the server was gone). */
export type MarkSamples = Map<string, ProcessSample | null>;

/** Server CPU seconds between two marks; null when either sample is missing. */
export function cpuBetween(samples: MarkSamples, from: string, to: string): number | null {
  const start = samples.get(from);
  const end = samples.get(to);
  return start && end ? end.cpuSeconds - start.cpuSeconds : null;
}
