import type { ServerName } from '../servers/serverSpecs';

/** A number, or a status in words when there is none: "timeout", "crashed", "n/a (in-memory)". */
export type Measured = number | string;

export type MetricValues = Record<string, Measured>;

/**
 * Set (to the reason) in a run's values when the run is not a fair basis for a ratio, e.g. the
 * server refused some of the clients; the table then shows no ratio for that section.
 */
export const NOT_COMPARABLE_KEY = 'notComparable';

export interface MetricDefinition {
  key: string;
  label: string;
  unit: string;
  /** Which direction is better, for the ratio column's hint. */
  better: 'lower' | 'higher' | 'none';
  digits: number;
}

/** A table column: a sync server, or one of the forum workload's bare Socket.io peers. */
export type ColumnName = ServerName | 'socketio-bare' | 'socketio-coalesced';

export interface RatioColumn {
  ours: ColumnName;
  theirs: ColumnName;
}

export interface SectionResult {
  title: string;
  notes: string[];
  metrics: readonly MetricDefinition[];
  values: Partial<Record<ColumnName, MetricValues>>;
  /** Columns in order; default: the three sync servers. */
  columns?: readonly ColumnName[];
  /** Ratio columns, each dividing two columns; default: atelier / hocuspocus. */
  ratios?: readonly RatioColumn[];
}

export interface BenchReport {
  startedAt: string;
  durationS: number;
  machine: { cpus: number; node: string };
  servers: ServerName[];
  sizes: number[];
  sections: SectionResult[];
}

/** Every metric of a section set to one status, e.g. when the server could not start. */
export function allMetrics(metrics: readonly MetricDefinition[], status: string): MetricValues {
  return Object.fromEntries(metrics.map((metric) => [metric.key, status]));
}
