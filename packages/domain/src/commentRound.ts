import { z } from 'zod';

/**
 * Who may take part in a comment round: the consultation's members, or (public round) any
 * signed-in person, who becomes a `commenter` of the consultation on joining.
 */
export const commentRoundAudiences = ['members', 'public'] as const;
export type CommentRoundAudience = (typeof commentRoundAudiences)[number];

/**
 * A period during which contributions on some or all commitments are invited. Before `opensAt`
 * and from `closesAt` on, new comments in the round are refused; closing starts the response
 * phase (dispositions and reasons), and what was said stays readable.
 */
export interface CommentRound {
  readonly id: string;
  readonly consultationId: string;
  readonly title: string;
  readonly instructions: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly audience: CommentRoundAudience;
  /** The commitments open to comments; empty means every commitment of the consultation. */
  readonly commitmentIds: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
}

/** `closed` is also the start of the response phase. */
export type CommentRoundPhase = 'scheduled' | 'open' | 'closed';

/** Open from `opensAt` (included) to `closesAt` (excluded). Instants as ISO strings or Dates. */
export function roundPhase(
  round: Pick<CommentRound, 'opensAt' | 'closesAt'>,
  now: string | Date,
): CommentRoundPhase {
  const at = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (at < Date.parse(round.opensAt)) return 'scheduled';
  return at < Date.parse(round.closesAt) ? 'open' : 'closed';
}

export function roundCoversCommitment(
  round: Pick<CommentRound, 'commitmentIds'>,
  commitmentId: string,
): boolean {
  return round.commitmentIds.length === 0 || round.commitmentIds.includes(commitmentId);
}

/**
 * The round a new thread on this commitment belongs to at `now`: the open round that covers it
 * (the one that closes first if several overlap), or null when none is open.
 */
export function openRoundFor<R extends CommentRound>(
  rounds: readonly R[],
  commitmentId: string,
  now: string | Date,
): R | null {
  const open = rounds.filter(
    (round) => roundPhase(round, now) === 'open' && roundCoversCommitment(round, commitmentId),
  );
  open.sort((left, right) => left.closesAt.localeCompare(right.closesAt));
  return open[0] ?? null;
}

/** Accepts any ISO-8601 date-time with an offset; stored as `Date#toISOString` writes it (UTC). */
export const instantInputSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

const ROUND_TITLE_MAX_CHARS = 200;
const ROUND_INSTRUCTIONS_MAX_CHARS = 10_000;
/** Enough for any action plan (the French 2021-2023 plan has 6 commitments). */
const ROUND_COMMITMENTS_MAX = 200;

const roundCommitmentIds = z
  .array(z.string().min(1).max(64))
  .max(ROUND_COMMITMENTS_MAX)
  .transform((ids) => [...new Set(ids)]);

function closesAfterOpening(round: { opensAt?: string; closesAt?: string }): boolean {
  return (
    round.opensAt === undefined ||
    round.closesAt === undefined ||
    Date.parse(round.closesAt) > Date.parse(round.opensAt)
  );
}

const CLOSES_AFTER_OPENING = {
  message: 'closesAt must be after opensAt',
  path: ['closesAt'],
};

export const commentRoundCreateSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(ROUND_TITLE_MAX_CHARS),
    instructions: z.string().trim().max(ROUND_INSTRUCTIONS_MAX_CHARS).default(''),
    opensAt: instantInputSchema,
    closesAt: instantInputSchema,
    audience: z.enum(commentRoundAudiences).default('members'),
    commitmentIds: roundCommitmentIds.default([]),
  })
  .refine(closesAfterOpening, CLOSES_AFTER_OPENING);
export type CommentRoundCreateInput = z.infer<typeof commentRoundCreateSchema>;

/**
 * A change to a round (`PATCH /api/rounds/{id}`). When only one of the two dates is given, the
 * caller checks it against the stored other one with {@link roundDatesAreOrdered}.
 */
export const commentRoundUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(ROUND_TITLE_MAX_CHARS).optional(),
    instructions: z.string().trim().max(ROUND_INSTRUCTIONS_MAX_CHARS).optional(),
    opensAt: instantInputSchema.optional(),
    closesAt: instantInputSchema.optional(),
    audience: z.enum(commentRoundAudiences).optional(),
    commitmentIds: roundCommitmentIds.optional(),
  })
  .refine(closesAfterOpening, CLOSES_AFTER_OPENING);
export type CommentRoundUpdateInput = z.infer<typeof commentRoundUpdateSchema>;

export function roundDatesAreOrdered(round: Pick<CommentRound, 'opensAt' | 'closesAt'>): boolean {
  return Date.parse(round.closesAt) > Date.parse(round.opensAt);
}
