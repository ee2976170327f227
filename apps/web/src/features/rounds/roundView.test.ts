import { describe, expect, it } from 'vitest';

import {
  defaultRoundDates,
  durationParts,
  formatDuration,
  fromDateTimeLocal,
  orderForReading,
  participationRows,
  phaseAt,
  phaseChanges,
  timeLeftMs,
  toDateTimeLocal,
  totalComments,
} from './roundView';

const at = (iso: string) => Date.parse(iso);
const round = {
  id: 'r1',
  opensAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-03-22T09:00:00.000Z',
};

describe('phase and time left at the browser clock', () => {
  it('is scheduled before opening, open until closing (excluded), then closed', () => {
    expect(phaseAt(round, at('2026-03-01T08:59:59.999Z'))).toBe('scheduled');
    expect(phaseAt(round, at('2026-03-01T09:00:00.000Z'))).toBe('open');
    expect(phaseAt(round, at('2026-03-22T08:59:59.999Z'))).toBe('open');
    expect(phaseAt(round, at('2026-03-22T09:00:00.000Z'))).toBe('closed');
  });

  it('counts down to the opening, then to the closing, then stops', () => {
    expect(timeLeftMs(round, at('2026-03-01T08:00:00.000Z'))).toBe(3_600_000);
    expect(timeLeftMs(round, at('2026-03-22T08:59:00.000Z'))).toBe(60_000);
    expect(timeLeftMs(round, at('2026-03-23T00:00:00.000Z'))).toBeNull();
  });

  it('keeps the two largest units, down to seconds in the last hour', () => {
    const day = 86_400_000;
    expect(durationParts(3 * day + 4 * 3_600_000 + 5 * 60_000)).toEqual([
      ['day', 3],
      ['hour', 4],
    ]);
    expect(durationParts(2 * day)).toEqual([['day', 2]]);
    expect(durationParts(2 * 3_600_000 + 61_000)).toEqual([
      ['hour', 2],
      ['minute', 1],
    ]);
    expect(durationParts(12 * 60_000 + 30_500)).toEqual([
      ['minute', 12],
      ['second', 30],
    ]);
    expect(durationParts(-5)).toEqual([['second', 0]]);
  });

  it('says the duration in words, in French and in English', () => {
    const left = 3 * 86_400_000 + 4 * 3_600_000;
    // French puts no-break spaces between a number and its unit.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatDuration(left, 'fr'))).toBe('3 jours et 4 heures');
    expect(formatDuration(left, 'en')).toBe('3 days and 4 hours');
    expect(plain(formatDuration(1000, 'fr'))).toBe('1 seconde');
  });

  it('finds the rounds whose phase changed since the last reading, not new ones', () => {
    const before = new Map([['r1', 'open']]);
    const later = { ...round, id: 'r2' };
    expect(phaseChanges([round, later], before, at('2026-03-23T00:00:00.000Z'))).toEqual([round]);
    expect(phaseChanges([round], before, at('2026-03-10T00:00:00.000Z'))).toEqual([]);
  });

  it('lists open rounds first, then those to come, then the most recently closed', () => {
    const now = at('2026-03-10T00:00:00.000Z');
    const open = { id: 'open', opensAt: round.opensAt, closesAt: round.closesAt };
    const soon = {
      id: 'soon',
      opensAt: '2026-04-01T00:00:00.000Z',
      closesAt: '2026-04-02T00:00:00.000Z',
    };
    const oldClosed = {
      id: 'old',
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-01-02T00:00:00.000Z',
    };
    const recentClosed = {
      id: 'recent',
      opensAt: '2026-02-01T00:00:00.000Z',
      closesAt: '2026-02-02T00:00:00.000Z',
    };
    expect(orderForReading([oldClosed, soon, recentClosed, open], now).map((r) => r.id)).toEqual([
      'open',
      'soon',
      'recent',
      'old',
    ]);
  });
});

describe('participation rows', () => {
  const commitments = [
    { id: 'c2', number: 2, title: 'Transparence' },
    { id: 'c1', number: 1, title: 'Participation' },
    { id: 'c3', number: 3, title: 'Numérique inclusif' },
  ];
  const counted = {
    commitmentId: 'c2',
    threads: 1,
    comments: 3,
    contributors: 2,
    contributorsByKind: { administration: 1, civil_society: 0, other: 0, citizen: 1 },
  };

  it('covers every commitment with zeros where nobody commented, by number', () => {
    const rows = participationRows({ commitmentIds: [], participation: [counted] }, commitments);
    expect(rows.map((row) => [row.number, row.comments, row.contributors])).toEqual([
      [1, 0, 0],
      [2, 3, 2],
      [3, 0, 0],
    ]);
    expect(rows[0]!.contributorsByKind).toEqual({
      administration: 0,
      civil_society: 0,
      other: 0,
      citizen: 0,
    });
    expect(totalComments(rows)).toBe(3);
  });

  it('covers the chosen commitments, and keeps one that was commented before being left out', () => {
    const rows = participationRows(
      { commitmentIds: ['c3'], participation: [counted] },
      commitments,
    );
    expect(rows.map((row) => row.commitmentId)).toEqual(['c2', 'c3']);
  });
});

describe('datetime-local values', () => {
  it('round-trips an instant through the local time the input shows, to the minute', () => {
    const iso = '2026-03-01T09:07:00.000Z';
    expect(fromDateTimeLocal(toDateTimeLocal(iso))).toBe(iso);
    expect(toDateTimeLocal(iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it('refuses what is not a date-time', () => {
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('demain')).toBeNull();
    expect(fromDateTimeLocal('2026-13-45T99:99')).toBeNull();
  });

  it('opens a new round at the current minute and closes it three weeks later', () => {
    const dates = defaultRoundDates(at('2026-03-01T09:07:42.123Z'));
    expect(dates).toEqual({
      opensAt: '2026-03-01T09:07:00.000Z',
      closesAt: '2026-03-22T09:07:00.000Z',
    });
  });
});
