import type { CommentReaction, CommentReactionKind, ThreadWithComments } from './commentThread';
import { organisationKinds, type OrganisationKind } from './organisation';

/**
 * How participation is split, as facilitators and the public look at it: by the kind of the
 * participant's organisation, and `citizen` for people who take part without one.
 */
export const participantKinds = [...organisationKinds, 'citizen'] as const;
export type ParticipantKind = (typeof participantKinds)[number];

export type CountsByParticipantKind = Readonly<Record<ParticipantKind, number>>;

/** The caller maps a user id to their organisation's kind (undefined: no organisation). */
export type KindOfUser = (userId: string) => OrganisationKind | null | undefined;

function zeroCounts(): Record<ParticipantKind, number> {
  return { administration: 0, civil_society: 0, other: 0, citizen: 0 };
}

function participantKindOf(userId: string, kindOfUser: KindOfUser): ParticipantKind {
  return kindOfUser(userId) ?? 'citizen';
}

export type ReactionCounts = Readonly<Record<CommentReactionKind, CountsByParticipantKind>>;

/** Agree / disagree on one comment, each split by participant kind. */
export function countReactions(
  reactions: readonly CommentReaction[],
  kindOfUser: KindOfUser,
): ReactionCounts {
  const counts = { agree: zeroCounts(), disagree: zeroCounts() };
  for (const reaction of reactions) {
    counts[reaction.kind][participantKindOf(reaction.userId, kindOfUser)] += 1;
  }
  return counts;
}

export interface CommitmentParticipation {
  readonly commitmentId: string;
  readonly threads: number;
  /** Comments not deleted, hidden ones included: they were contributions. */
  readonly comments: number;
  /** Distinct authors of those comments. */
  readonly contributors: number;
  readonly contributorsByKind: CountsByParticipantKind;
}

/**
 * Per commitment: comments, distinct contributors and their split by participant kind, from
 * the threads of a round (or of a consultation). Ordered by commitment id.
 */
export function summariseParticipation(
  threads: readonly ThreadWithComments[],
  kindOfUser: KindOfUser,
): CommitmentParticipation[] {
  const byCommitment = new Map<
    string,
    { threads: number; comments: number; authors: Set<string> }
  >();
  for (const { thread, comments } of threads) {
    let entry = byCommitment.get(thread.commitmentId);
    if (!entry) {
      entry = { threads: 0, comments: 0, authors: new Set() };
      byCommitment.set(thread.commitmentId, entry);
    }
    entry.threads += 1;
    for (const comment of comments) {
      if (comment.deletedAt !== null) continue;
      entry.comments += 1;
      entry.authors.add(comment.authorId);
    }
  }
  return [...byCommitment.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([commitmentId, entry]) => {
      const contributorsByKind = zeroCounts();
      for (const authorId of entry.authors) {
        contributorsByKind[participantKindOf(authorId, kindOfUser)] += 1;
      }
      return {
        commitmentId,
        threads: entry.threads,
        comments: entry.comments,
        contributors: entry.authors.size,
        contributorsByKind,
      };
    });
}
