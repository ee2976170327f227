import type { FlagDto } from './moderationApi';

/**
 * Pure helpers for the moderation screens: where a comment's thread is, flags grouped by
 * reason, what a log line is about, and when a mute ends. No React, no i18n instance.
 */

/** The editor opens and focuses the thread named by the fragment. */
export function threadLink(consultationId: string, commitmentId: string, threadId: string): string {
  return `/consultations/${consultationId}/engagements/${commitmentId}#thread-${threadId}`;
}

export interface FlagReasonGroup {
  /** As the first person who gave it wrote it. */
  readonly reason: string;
  readonly count: number;
  readonly lastAt: string;
}

/**
 * Flags with the same reason (ignoring case and spacing) counted together, the most frequent
 * first: ten people writing "spam" make one line that says ten.
 */
export function groupFlagReasons(flags: readonly FlagDto[]): FlagReasonGroup[] {
  const groups = new Map<string, { reason: string; count: number; lastAt: string }>();
  for (const flag of flags) {
    const key = flag.reason.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      if (flag.createdAt > group.lastAt) group.lastAt = flag.createdAt;
    } else {
      groups.set(key, { reason: flag.reason.trim(), count: 1, lastAt: flag.createdAt });
    }
  }
  return [...groups.values()].sort(
    (left, right) => right.count - left.count || right.lastAt.localeCompare(left.lastAt),
  );
}

export type LogTarget =
  | { readonly kind: 'comment' | 'user' | 'commitment'; readonly id: string }
  | { readonly kind: 'unknown'; readonly id: string };

/** `comment:<id>`, `user:<id>` or `commitment:<id>` as the log writes them. */
export function parseLogTarget(target: string): LogTarget {
  const separator = target.indexOf(':');
  const kind = separator > 0 ? target.slice(0, separator) : '';
  const id = separator > 0 ? target.slice(separator + 1) : target;
  return kind === 'comment' || kind === 'user' || kind === 'commitment'
    ? { kind, id }
    : { kind: 'unknown', id };
}

/** The mute lengths a facilitator picks from; the server takes any future instant. */
export const muteDurations = ['hour', 'day', 'week', 'month'] as const;
export type MuteDuration = (typeof muteDurations)[number];

const HOUR_MS = 3_600_000;
const DURATION_MS: Record<MuteDuration, number> = {
  hour: HOUR_MS,
  day: 24 * HOUR_MS,
  week: 7 * 24 * HOUR_MS,
  month: 30 * 24 * HOUR_MS,
};

export function muteUntil(now: number, duration: MuteDuration): string {
  return new Date(now + DURATION_MS[duration]).toISOString();
}

/**
 * Who may be muted, as the server's rule says: neither a facilitator nor oneself (platform
 * administrators are refused by the server and explained from its answer). By name.
 */
export function muteCandidates<M extends { userId: string; displayName: string; role: string }>(
  members: readonly M[],
  myUserId: string | null,
): M[] {
  return members
    .filter((member) => member.role !== 'facilitator' && member.userId !== myUserId)
    .sort((left, right) => left.displayName.localeCompare(right.displayName));
}
