import type { Poll } from '@atelier/domain';
import type { PollResultsPayload } from '@atelier/protocol';

export interface ResultBar {
  readonly optionId: string;
  readonly label: string;
  readonly count: number;
  /** Share of the largest count, 0..1: bars are drawn relative to the leader. */
  readonly ratioOfMax: number;
  /** Share of all votes (or dots), rounded to whole percents for display. */
  readonly percent: number;
}

export interface ResultsChartModel {
  readonly pollId: string;
  readonly question: string;
  readonly voterCount: number;
  /** Votes or dots counted across options. */
  readonly total: number;
  /** Null while the results are hidden from this screen (results after closing). */
  readonly bars: readonly ResultBar[] | null;
}

/**
 * Turns a poll and its tally into what the bar chart and its table alternative show: one bar
 * per option in the poll's order (options nobody chose included, at zero).
 */
export function resultsChartModel(
  poll: Poll,
  results: PollResultsPayload | undefined,
): ResultsChartModel {
  const voterCount = results?.voterCount ?? 0;
  if (results && results.totals === null) {
    return { pollId: poll.id, question: poll.question, voterCount, total: 0, bars: null };
  }
  const totals = results?.totals ?? {};
  const counts = poll.options.map((option) => Math.max(0, totals[option.id] ?? 0));
  const total = counts.reduce((sum, count) => sum + count, 0);
  const max = Math.max(0, ...counts);
  const bars = poll.options.map((option, index) => {
    const count = counts[index] ?? 0;
    return {
      optionId: option.id,
      label: option.label,
      count,
      ratioOfMax: max === 0 ? 0 : count / max,
      percent: total === 0 ? 0 : Math.round((count / total) * 100),
    };
  });
  return { pollId: poll.id, question: poll.question, voterCount, total, bars };
}
