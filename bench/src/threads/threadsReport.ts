import { percentile } from '../measure/percentiles';
import type { MetricDefinition, MetricValues } from '../report/results';
import type { ResolvePass } from './threadsProbes';
import type { ThreadsSample } from './threadsProtocol';

/** Which measures each thread count gets in the report, row by row. */
const PER_COUNT_METRICS = [
  { suffix: 'panelMs', label: 'navigation -> panel lists every thread', unit: 'ms', digits: 0 },
  {
    suffix: 'highlightsMs',
    label: 'navigation -> every passage highlighted',
    unit: 'ms',
    digits: 0,
  },
  { suffix: 'typingP50Ms', label: 'keypress -> next paint, p50', unit: 'ms', digits: 1 },
  { suffix: 'typingP95Ms', label: 'keypress -> next paint, p95', unit: 'ms', digits: 1 },
  { suffix: 'heapMb', label: 'Chromium JS heap after GC', unit: 'MB', digits: 1 },
  {
    suffix: 'loadPassMs',
    label: 'longest highlight pass while loading',
    unit: 'ms',
    digits: 1,
  },
  {
    suffix: 'typingPasses',
    label: 'highlight passes while typing / threads per pass (mean)',
    unit: '',
    digits: 0,
  },
  {
    suffix: 'typingPassMaxMs',
    label: 'longest highlight pass while typing',
    unit: 'ms',
    digits: 1,
  },
  {
    suffix: 'checks',
    label: 'ranges highlighted / after typing / text intact',
    unit: '',
    digits: 0,
  },
] as const;

export function threadsMetrics(threadCounts: readonly number[]): MetricDefinition[] {
  return threadCounts.flatMap((threads) =>
    PER_COUNT_METRICS.map((metric) => ({
      key: `n${threads}.${metric.suffix}`,
      label: `N=${threads.toLocaleString('en-US')} threads: ${metric.label}`,
      unit: metric.unit,
      better: metric.suffix === 'checks' ? ('none' as const) : ('lower' as const),
      digits: metric.digits,
    })),
  );
}

function longest(passes: readonly ResolvePass[]): number | null {
  return passes.length === 0 ? null : Math.max(...passes.map((pass) => pass.durationMs));
}

function meanThreads(passes: readonly ResolvePass[]): string {
  if (passes.length === 0) return '-';
  return (passes.reduce((sum, pass) => sum + pass.threads, 0) / passes.length).toFixed(0);
}

export function typingP95(sample: ThreadsSample): number | null {
  return percentile(sample.keyToPaintMs, 95);
}

export function threadsValues(samples: readonly ThreadsSample[]): MetricValues {
  const values: MetricValues = {};
  for (const sample of samples) {
    const key = (suffix: string) => `n${sample.threads}.${suffix}`;
    values[key('panelMs')] = sample.panelShownMs ?? 'not shown';
    values[key('highlightsMs')] = sample.highlightsShownMs ?? 'not shown';
    values[key('typingP50Ms')] = percentile(sample.keyToPaintMs, 50) ?? 'no sample';
    values[key('typingP95Ms')] = typingP95(sample) ?? 'no sample';
    values[key('heapMb')] = sample.jsHeapUsedMb;
    values[key('loadPassMs')] = longest(sample.loadPasses) ?? 'no pass';
    values[key('typingPasses')] =
      `${sample.typingPasses.length} / ${meanThreads(sample.typingPasses)}`;
    values[key('typingPassMaxMs')] = longest(sample.typingPasses) ?? 'no pass';
    values[key('checks')] =
      `${sample.highlightedRanges} / ${sample.highlightsAfterTyping} / ${sample.typedTextIntact ? 'yes' : 'NO'}`;
  }
  return values;
}

/**
 * The smallest thread count whose typing p95 reaches the target: how many threads a draft can
 * carry before the editor slows. "not reached" when no measured count does.
 */
export function slowdownThreshold(samples: readonly ThreadsSample[], targetMs: number): string {
  const slow = [...samples]
    .sort((a, b) => a.threads - b.threads)
    .find((sample) => (typingP95(sample) ?? Infinity) > targetMs);
  return slow === undefined
    ? `typing p95 stays under ${targetMs} ms up to N=${Math.max(0, ...samples.map((s) => s.threads))}: threshold not reached`
    : `typing p95 exceeds ${targetMs} ms from N=${slow.threads} threads`;
}

/** A compact table, one column per thread count, for the notes and the terminal. */
export function threadsTable(samples: readonly ThreadsSample[]): string[] {
  const format = (value: number | null, digits: number) =>
    value === null ? '-' : value.toFixed(digits);
  const rows: [string, ...string[]][] = [
    ['threads', ...samples.map((s) => String(s.threads))],
    ['panel shown (ms)', ...samples.map((s) => format(s.panelShownMs, 0))],
    ['highlights shown (ms)', ...samples.map((s) => format(s.highlightsShownMs, 0))],
    ['typing p50 (ms)', ...samples.map((s) => format(percentile(s.keyToPaintMs, 50), 1))],
    ['typing p95 (ms)', ...samples.map((s) => format(typingP95(s), 1))],
    ['JS heap (MB)', ...samples.map((s) => format(s.jsHeapUsedMb, 1))],
    ['load pass, longest (ms)', ...samples.map((s) => format(longest(s.loadPasses), 1))],
    ['typing passes', ...samples.map((s) => String(s.typingPasses.length))],
    ['typing pass, longest (ms)', ...samples.map((s) => format(longest(s.typingPasses), 1))],
  ];
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  '),
  );
}
