import type { CommitmentDto } from '@atelier/protocol';

/**
 * Pure helpers that turn what the server derives from a draft (its read model) into what the
 * consultation page shows. No React, no i18n instance: callers pass the locale and texts.
 */

export function leadOrganisationNames(
  commitment: Pick<CommitmentDto, 'leadOrganisations'>,
): string[] {
  return commitment.leadOrganisations.map((organisation) => organisation.name);
}

/** The draft's own title when writers changed it, the registered one otherwise. */
export function displayTitle(commitment: Pick<CommitmentDto, 'title' | 'draft'>): string {
  const fromDraft = commitment.draft.title.trim();
  return fromDraft !== '' ? fromDraft : commitment.title;
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "il y a 5 minutes" / "5 minutes ago"; "à l'instant" under a minute; null when never edited. */
export function relativeTimeLabel(
  isoDate: string | null,
  now: Date,
  locale: string,
  justNow: string,
): string | null {
  if (isoDate === null) return null;
  const then = new Date(isoDate);
  if (Number.isNaN(then.getTime())) return null;
  const elapsedSeconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (elapsedSeconds < 60) return justNow;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, seconds] of RELATIVE_UNITS) {
    if (elapsedSeconds >= seconds)
      return format.format(-Math.floor(elapsedSeconds / seconds), unit);
  }
  return justNow;
}

export function absoluteDateTimeLabel(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(isoDate),
  );
}

export interface NamesSummary {
  readonly shown: readonly string[];
  /** How many more are not shown. */
  readonly more: number;
}

/** The first few names and a count of the rest: "Karim, Élise et 2 autres". */
export function summariseNames(names: readonly string[], max = 3): NamesSummary {
  const unique = [...new Set(names)];
  return { shown: unique.slice(0, max), more: Math.max(0, unique.length - max) };
}

export function formatNameList(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** Cuts a section's text for a preview, at a word boundary, with an ellipsis. */
export function excerpt(text: string, maxCharacters: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxCharacters) return flat;
  const cut = flat.slice(0, maxCharacters);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxCharacters / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
