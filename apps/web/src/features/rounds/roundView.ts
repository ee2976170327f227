import { participantKinds, roundPhase } from '@atelier/domain';
import type {
  CommentRoundDto,
  CommitmentDto,
  CommitmentParticipationDto,
  CountsByParticipantKindDto,
} from '@atelier/protocol';

/**
 * Pure helpers for the rounds page: the phase and time left at the browser's clock, the
 * participation table, and the conversions between ISO instants and `datetime-local` inputs.
 * No React, no i18n instance: callers pass the locale.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** A new round runs three weeks unless the facilitator says otherwise (issue 6's example). */
const DEFAULT_ROUND_LENGTH_MS = 21 * DAY_MS;

/**
 * The phase at the browser's clock. The server's `phase` was true when the list was fetched;
 * between two fetches the page follows the clock so that a round closes on screen on time.
 */
export function phaseAt(round: Pick<CommentRoundDto, 'opensAt' | 'closesAt'>, now: number) {
  return roundPhase(round, new Date(now));
}

/** Milliseconds until the round opens (scheduled) or closes (open); null once closed. */
export function timeLeftMs(
  round: Pick<CommentRoundDto, 'opensAt' | 'closesAt'>,
  now: number,
): number | null {
  switch (phaseAt(round, now)) {
    case 'scheduled':
      return Date.parse(round.opensAt) - now;
    case 'open':
      return Date.parse(round.closesAt) - now;
    case 'closed':
      return null;
  }
}

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

/**
 * The two largest units that matter: days and hours, hours and minutes, or minutes and seconds
 * in the last hour (only then does the text change every second).
 */
export function durationParts(ms: number): [DurationUnit, number][] {
  const total = Math.max(0, ms);
  const days = Math.floor(total / DAY_MS);
  const hours = Math.floor((total % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((total % HOUR_MS) / MINUTE_MS);
  const seconds = Math.floor((total % MINUTE_MS) / SECOND_MS);
  const parts: [DurationUnit, number][] =
    days > 0
      ? [
          ['day', days],
          ['hour', hours],
        ]
      : hours > 0
        ? [
            ['hour', hours],
            ['minute', minutes],
          ]
        : minutes > 0
          ? [
              ['minute', minutes],
              ['second', seconds],
            ]
          : [['second', seconds]];
  const shown = parts.filter(([, value]) => value > 0);
  return shown.length > 0 ? shown : [['second', 0]];
}

/** "3 jours et 4 heures" / "3 days and 4 hours", in words (read as such by screen readers). */
export function formatDuration(ms: number, locale: string): string {
  const words = durationParts(ms).map(([unit, value]) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value),
  );
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
}

/** The instant the phase will change next (opening or closing), or null once closed. */
export function nextChangeAt(
  round: Pick<CommentRoundDto, 'opensAt' | 'closesAt'>,
  now: number,
): number | null {
  const left = timeLeftMs(round, now);
  return left === null ? null : now + left;
}

export interface ParticipationRow {
  readonly commitmentId: string;
  readonly number: number | null;
  readonly title: string | null;
  readonly comments: number;
  readonly contributors: number;
  readonly contributorsByKind: CountsByParticipantKindDto;
}

function zeroByKind(): CountsByParticipantKindDto {
  return Object.fromEntries(
    participantKinds.map((kind) => [kind, 0]),
  ) as unknown as CountsByParticipantKindDto;
}

/**
 * One row per commitment the round covers (every commitment when it names none), with zeros
 * where nobody has commented yet, plus any commitment that received comments before the round
 * was narrowed. By commitment number.
 */
export function participationRows(
  round: Pick<CommentRoundDto, 'commitmentIds' | 'participation'>,
  commitments: readonly Pick<CommitmentDto, 'id' | 'number' | 'title'>[],
): ParticipationRow[] {
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  const counted = new Map<string, CommitmentParticipationDto>(
    round.participation.map((entry) => [entry.commitmentId, entry]),
  );
  const concerned =
    round.commitmentIds.length === 0
      ? commitments.map((commitment) => commitment.id)
      : [...round.commitmentIds];
  const ids = [...new Set([...concerned, ...counted.keys()])];
  return ids
    .map((commitmentId) => {
      const commitment = byId.get(commitmentId);
      const entry = counted.get(commitmentId);
      return {
        commitmentId,
        number: commitment?.number ?? null,
        title: commitment?.title ?? null,
        comments: entry?.comments ?? 0,
        contributors: entry?.contributors ?? 0,
        contributorsByKind: entry ? { ...entry.contributorsByKind } : zeroByKind(),
      };
    })
    .sort(
      (left, right) =>
        (left.number ?? Number.MAX_SAFE_INTEGER) - (right.number ?? Number.MAX_SAFE_INTEGER),
    );
}

/** Comments of the whole round, every commitment together. */
export function totalComments(rows: readonly ParticipationRow[]): number {
  return rows.reduce((sum, row) => sum + row.comments, 0);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as a `datetime-local` input shows it: the browser's local time, to the minute. */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** A `datetime-local` value (local time, no offset) as an ISO instant; null when not a date. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(value); // without an offset, ECMAScript reads it as local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A new round's dates: it opens now (to the minute, rounded down, so that it is open as soon as
 * it is saved) and closes three weeks later.
 */
export function defaultRoundDates(now: number): { opensAt: string; closesAt: string } {
  const opens = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  return {
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(opens + DEFAULT_ROUND_LENGTH_MS).toISOString(),
  };
}

const PHASE_ORDER = { open: 0, scheduled: 1, closed: 2 } as const;

/**
 * What a reader wants first: open rounds (closing soonest first), then those to come (opening
 * soonest first), then closed ones (most recently closed first).
 */
export function orderForReading<R extends Pick<CommentRoundDto, 'opensAt' | 'closesAt'>>(
  rounds: readonly R[],
  now: number,
): R[] {
  const key = (round: R) => {
    const phase = phaseAt(round, now);
    const at =
      phase === 'open'
        ? Date.parse(round.closesAt)
        : phase === 'scheduled'
          ? Date.parse(round.opensAt)
          : -Date.parse(round.closesAt);
    return [PHASE_ORDER[phase], at] as const;
  };
  return [...rounds].sort((left, right) => {
    const [leftPhase, leftAt] = key(left);
    const [rightPhase, rightAt] = key(right);
    return leftPhase - rightPhase || leftAt - rightAt;
  });
}

/** The rounds whose phase differs between two readings of the clock (to announce them). */
export function phaseChanges<R extends Pick<CommentRoundDto, 'id' | 'opensAt' | 'closesAt'>>(
  rounds: readonly R[],
  before: ReadonlyMap<string, string>,
  now: number,
): R[] {
  return rounds.filter((round) => {
    const previous = before.get(round.id);
    return previous !== undefined && previous !== phaseAt(round, now);
  });
}
