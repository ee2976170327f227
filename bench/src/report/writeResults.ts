import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from './results';

const RESULTS_DIR = fileURLToPath(new URL('../../results', import.meta.url));

/** Writes bench/results/<timestamp>.json (git-ignored) and returns its path. */
export function writeResults(report: BenchReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const fileName = `${report.startedAt.replace(/[:.]/g, '-')}.json`;
  const path = join(RESULTS_DIR, fileName);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
