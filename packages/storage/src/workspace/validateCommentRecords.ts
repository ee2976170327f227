import {
  commentReactionKinds,
  commentRoundAudiences,
  commentThreadStatuses,
  moderationActions,
  moderatorRoles,
  threadDispositions,
} from '@atelier/domain';
import type {
  Comment,
  CommentAnchor,
  CommentHiding,
  CommentReaction,
  CommentRound,
  CommentThread,
  Flag,
  ModerationLogEntry,
  Mute,
  ThreadResponse,
} from '@atelier/domain';
import {
  assertInstant,
  assertInstantOrNull,
  assertKey,
  assertKeys,
  assertOneOf,
  assertPlainObject,
  assertText,
  assertTextOrNull,
} from './argumentGuards';
import type { CommentEdit, CommentRoundPatch, ThreadStatusChange } from './workspaceStore';

/**
 * Whole-record checks for comments, rounds and moderation, run by both adapters before any
 * write (see validateWorkspaceRecords.ts for why). Lengths and trimming are the zod schemas'
 * job at the edge; the store checks types, enumerations and instants.
 */

export function assertCommentRound(round: CommentRound): void {
  assertPlainObject(round, 'round');
  assertKey(round.id, 'round.id');
  assertKey(round.consultationId, 'round.consultationId');
  assertText(round.title, 'round.title');
  assertText(round.instructions, 'round.instructions');
  assertInstant(round.opensAt, 'round.opensAt');
  assertInstant(round.closesAt, 'round.closesAt');
  assertOneOf(round.audience, commentRoundAudiences, 'round.audience');
  assertKeys(round.commitmentIds, 'round.commitmentIds');
  assertKey(round.createdBy, 'round.createdBy');
  assertInstant(round.createdAt, 'round.createdAt');
}

export function assertCommentRoundPatch(patch: CommentRoundPatch): void {
  assertPlainObject(patch, 'patch');
  if (patch.title !== undefined) assertText(patch.title, 'patch.title');
  if (patch.instructions !== undefined) assertText(patch.instructions, 'patch.instructions');
  if (patch.opensAt !== undefined) assertInstant(patch.opensAt, 'patch.opensAt');
  if (patch.closesAt !== undefined) assertInstant(patch.closesAt, 'patch.closesAt');
  if (patch.audience !== undefined) {
    assertOneOf(patch.audience, commentRoundAudiences, 'patch.audience');
  }
  if (patch.commitmentIds !== undefined) assertKeys(patch.commitmentIds, 'patch.commitmentIds');
}

function assertAnchor(anchor: CommentAnchor, what: string): void {
  assertPlainObject(anchor, what);
  assertText(anchor.start, `${what}.start`);
  assertText(anchor.end, `${what}.end`);
  assertText(anchor.quote, `${what}.quote`);
  assertText(anchor.prefix, `${what}.prefix`);
  assertText(anchor.suffix, `${what}.suffix`);
}

/** Only the five fields, in a fixed order: both adapters store and return the same object. */
export function anchorRecord(anchor: CommentAnchor): CommentAnchor {
  return {
    start: anchor.start,
    end: anchor.end,
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
  };
}

export function assertCommentThread(thread: CommentThread): void {
  assertPlainObject(thread, 'thread');
  assertKey(thread.id, 'thread.id');
  assertKey(thread.consultationId, 'thread.consultationId');
  assertKey(thread.commitmentId, 'thread.commitmentId');
  if (thread.roundId !== null) assertKey(thread.roundId, 'thread.roundId');
  if (thread.anchor !== null) assertAnchor(thread.anchor, 'thread.anchor');
  assertOneOf(thread.status, commentThreadStatuses, 'thread.status');
  assertKey(thread.createdBy, 'thread.createdBy');
  assertInstant(thread.createdAt, 'thread.createdAt');
  if (thread.resolvedBy !== null) assertKey(thread.resolvedBy, 'thread.resolvedBy');
  assertInstantOrNull(thread.resolvedAt, 'thread.resolvedAt');
}

export function assertThreadStatusChange(change: ThreadStatusChange): void {
  assertPlainObject(change, 'change');
  assertOneOf(change.status, commentThreadStatuses, 'change.status');
  if (change.status === 'resolved') {
    assertKey(change.resolvedBy, 'change.resolvedBy');
    assertInstant(change.resolvedAt, 'change.resolvedAt');
  }
}

export function assertCommentHiding(hidden: CommentHiding, what: string): void {
  assertPlainObject(hidden, what);
  assertInstant(hidden.at, `${what}.at`);
  assertText(hidden.reason, `${what}.reason`);
  assertOneOf(hidden.byRole, moderatorRoles, `${what}.byRole`);
}

export function assertComment(comment: Comment): void {
  assertPlainObject(comment, 'comment');
  assertKey(comment.id, 'comment.id');
  assertKey(comment.threadId, 'comment.threadId');
  assertKey(comment.authorId, 'comment.authorId');
  assertText(comment.body, 'comment.body');
  assertKeys(comment.mentions, 'comment.mentions');
  assertInstant(comment.createdAt, 'comment.createdAt');
  assertInstantOrNull(comment.editedAt, 'comment.editedAt');
  assertInstantOrNull(comment.deletedAt, 'comment.deletedAt');
  if (comment.hidden !== null) assertCommentHiding(comment.hidden, 'comment.hidden');
}

export function assertCommentEdit(edit: CommentEdit): void {
  assertPlainObject(edit, 'edit');
  assertText(edit.body, 'edit.body');
  assertKeys(edit.mentions, 'edit.mentions');
  assertInstant(edit.editedAt, 'edit.editedAt');
}

export function assertCommentReaction(reaction: CommentReaction): void {
  assertPlainObject(reaction, 'reaction');
  assertKey(reaction.commentId, 'reaction.commentId');
  assertKey(reaction.userId, 'reaction.userId');
  assertOneOf(reaction.kind, commentReactionKinds, 'reaction.kind');
  assertInstant(reaction.createdAt, 'reaction.createdAt');
}

export function assertThreadResponse(response: ThreadResponse): void {
  assertPlainObject(response, 'response');
  assertKey(response.threadId, 'response.threadId');
  assertOneOf(response.disposition, threadDispositions, 'response.disposition');
  assertText(response.reason, 'response.reason');
  assertKey(response.respondedBy, 'response.respondedBy');
  assertInstant(response.respondedAt, 'response.respondedAt');
  assertTextOrNull(response.draftVersion, 'response.draftVersion');
}

export function assertFlag(flag: Flag): void {
  assertPlainObject(flag, 'flag');
  assertKey(flag.id, 'flag.id');
  assertKey(flag.consultationId, 'flag.consultationId');
  assertKey(flag.commentId, 'flag.commentId');
  assertKey(flag.flaggedBy, 'flag.flaggedBy');
  assertText(flag.reason, 'flag.reason');
  assertInstant(flag.createdAt, 'flag.createdAt');
  assertInstantOrNull(flag.handledAt, 'flag.handledAt');
}

export function assertMute(mute: Mute): void {
  assertPlainObject(mute, 'mute');
  assertKey(mute.consultationId, 'mute.consultationId');
  assertKey(mute.userId, 'mute.userId');
  assertInstant(mute.until, 'mute.until');
  assertText(mute.reason, 'mute.reason');
  assertKey(mute.by, 'mute.by');
  assertInstant(mute.createdAt, 'mute.createdAt');
}

export function assertModerationLogEntry(entry: ModerationLogEntry): void {
  assertPlainObject(entry, 'entry');
  assertKey(entry.id, 'entry.id');
  assertKey(entry.consultationId, 'entry.consultationId');
  assertOneOf(entry.action, moderationActions, 'entry.action');
  assertText(entry.target, 'entry.target');
  assertText(entry.reason, 'entry.reason');
  assertOneOf(entry.moderatorRole, moderatorRoles, 'entry.moderatorRole');
  assertInstant(entry.at, 'entry.at');
}
