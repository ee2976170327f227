import { ratio } from '../measure/ratio';
import type { ServerName } from '../servers/serverSpecs';
import {
  NOT_COMPARABLE_KEY,
  type Measured,
  type MetricDefinition,
  type SectionResult,
} from './results';

const COLUMNS: readonly ServerName[] = ['atelier', 'hocuspocus', 'y-websocket'];

function formatMeasured(value: Measured | undefined, digits: number): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'lost';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function formatRatio(metric: MetricDefinition, ours?: Measured, theirs?: Measured): string {
  const value = ratio(
    typeof ours === 'number' ? ours : null,
    typeof theirs === 'number' ? theirs : null,
  );
  if (value === null) return '-';
  const text = `${value.toFixed(2)}x`;
  if (metric.better === 'none' || value === 1) return text;
  const oursIsBetter = metric.better === 'lower' ? value < 1 : value > 1;
  return `${text} ${oursIsBetter ? '(better)' : '(worse)'}`;
}

/** One plain-text table per section: a row per metric, a column per server, then the ratio. */
export function renderSection(section: SectionResult): string {
  const header = ['metric', ...COLUMNS, 'atelier/hocuspocus'];
  const notComparable = [section.values.atelier, section.values.hocuspocus].some(
    (values) => values?.[NOT_COMPARABLE_KEY] !== undefined,
  );
  const rows = section.metrics.map((metric) => {
    const cells = COLUMNS.map((server) =>
      formatMeasured(section.values[server]?.[metric.key], metric.digits),
    );
    const label = metric.unit === '' ? metric.label : `${metric.label} (${metric.unit})`;
    return [
      label,
      ...cells,
      notComparable
        ? '-'
        : formatRatio(
            metric,
            section.values.atelier?.[metric.key],
            section.values.hocuspocus?.[metric.key],
          ),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const incomplete = COLUMNS.flatMap((server) => {
    const reason = section.values[server]?.[NOT_COMPARABLE_KEY];
    return reason === undefined ? [] : [`   ${server}: ${reason}; no ratios for this section.`];
  });
  return [
    `== ${section.title}`,
    ...section.notes.map((note) => `   ${note}`),
    ...incomplete,
    line(header),
    rule,
    ...rows.map(line),
  ].join('\n');
}
