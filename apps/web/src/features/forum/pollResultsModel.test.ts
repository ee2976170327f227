import type { Poll } from '@atelier/domain';
import { describe, expect, it } from 'vitest';

import { resultsChartModel } from './pollResultsModel';

const poll: Poll = {
  id: 'p1',
  question: 'Quel engagement prioriser ?',
  kind: 'single',
  options: [
    { id: 'a', label: 'Données ouvertes', commitmentId: null },
    { id: 'b', label: 'Participation', commitmentId: null },
    { id: 'c', label: 'Transparence', commitmentId: null },
  ],
  dotsPerParticipant: null,
  resultVisibility: 'live',
  anonymous: true,
  status: 'open',
  createdAt: '2026-03-10T10:00:00Z',
  openedAt: '2026-03-10T10:01:00Z',
  closedAt: null,
};

describe('resultsChartModel', () => {
  it('gives one bar per option in the poll order, zeros included, scaled to the leader', () => {
    const model = resultsChartModel(poll, {
      sessionId: 's',
      pollId: 'p1',
      voterCount: 4,
      totals: { b: 3, a: 1 },
      voters: null,
    });
    expect(model.total).toBe(4);
    expect(model.voterCount).toBe(4);
    expect(model.bars).toEqual([
      { optionId: 'a', label: 'Données ouvertes', count: 1, ratioOfMax: 1 / 3, percent: 25 },
      { optionId: 'b', label: 'Participation', count: 3, ratioOfMax: 1, percent: 75 },
      { optionId: 'c', label: 'Transparence', count: 0, ratioOfMax: 0, percent: 0 },
    ]);
  });

  it('draws empty bars before anyone voted', () => {
    const model = resultsChartModel(poll, undefined);
    expect(model.total).toBe(0);
    expect(model.bars?.map((bar) => [bar.count, bar.ratioOfMax, bar.percent])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('has no bars while the results are hidden from this screen', () => {
    const model = resultsChartModel(poll, {
      sessionId: 's',
      pollId: 'p1',
      voterCount: 2,
      totals: null,
      voters: null,
    });
    expect(model.bars).toBeNull();
    expect(model.voterCount).toBe(2);
  });

  it('ignores totals of options the poll does not have', () => {
    const model = resultsChartModel(poll, {
      sessionId: 's',
      pollId: 'p1',
      voterCount: 1,
      totals: { a: 2, ghost: 40 },
      voters: null,
    });
    expect(model.total).toBe(2);
    expect(model.bars?.[0]?.ratioOfMax).toBe(1);
  });
});
