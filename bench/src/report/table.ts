import { ratio } from '../measure/ratio';
import {
  NOT_COMPARABLE_KEY,
  type ColumnName,
  type Measured,
  type MetricDefinition,
  type RatioColumn,
  type SectionResult,
} from './results';

const DEFAULT_COLUMNS: readonly ColumnName[] = ['atelier', 'hocuspocus', 'y-websocket'];
const DEFAULT_RATIOS: readonly RatioColumn[] = [{ ours: 'atelier', theirs: 'hocuspocus' }];

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

/** One plain-text table per section: a row per metric, a column per server, then the ratios. */
export function renderSection(section: SectionResult): string {
  const columns = section.columns ?? DEFAULT_COLUMNS;
  const ratios = section.ratios ?? DEFAULT_RATIOS;
  const header = ['metric', ...columns, ...ratios.map(({ ours, theirs }) => `${ours}/${theirs}`)];
  const notComparable = (column: ColumnName) =>
    section.values[column]?.[NOT_COMPARABLE_KEY] !== undefined;
  const rows = section.metrics.map((metric) => {
    const cells = columns.map((server) =>
      formatMeasured(section.values[server]?.[metric.key], metric.digits),
    );
    const label = metric.unit === '' ? metric.label : `${metric.label} (${metric.unit})`;
    const ratioCells = ratios.map(({ ours, theirs }) =>
      notComparable(ours) || notComparable(theirs)
        ? '-'
        : formatRatio(
            metric,
            section.values[ours]?.[metric.key],
            section.values[theirs]?.[metric.key],
          ),
    );
    return [label, ...cells, ...ratioCells];
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
  const incomplete = columns.flatMap((server) => {
    const reason = section.values[server]?.[NOT_COMPARABLE_KEY];
    return reason === undefined ? [] : [`   ${server}: ${reason}; no ratios involving it.`];
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
