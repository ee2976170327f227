import type { BenchReport } from './results';
import { renderSection } from './table';

/** The benchmark's only console output: progress lines on stderr, the report on stdout. */
export function printProgress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

export function printReport(report: BenchReport, resultsPath: string, keptDir: string | null) {
  const lines = [
    '',
    `Atelier benchmark, ${report.startedAt}, ${report.durationS.toFixed(0)} s, node ${report.machine.node}, ${report.machine.cpus} cores`,
    'Servers pinned to core 0, load generator to core 1. Ratios are atelier / hocuspocus unless a table says otherwise.',
    '',
    ...report.sections.flatMap((section) => [renderSection(section), '']),
    `JSON: ${resultsPath}`,
  ];
  if (keptDir !== null) lines.push(`Server logs kept (something failed): ${keptDir}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
