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
  assertKeyOrNull,
  assertKeys,
  assertOneOf,
  assertPlainObject,
  assertText,
  assertTextOrNull,
} from './argumentGuards';
import { nullable, oneOf, optional, plainRecord } from './recordChecks';
import type { CommentEdit, CommentRoundPatch, ThreadStatusChange } from './workspaceStore';

/**
 * Whole-record checks for comments, rounds and moderation, run by both adapters before any
 * write (see validateWorkspaceRecords.ts for why). Lengths and trimming are the zod schemas'
 * job at the edge; the store checks types, enumerations and instants.
 */

const checkRound = plainRecord<CommentRound>({
  id: assertKey,
  consultationId: assertKey,
  title: assertText,
  instructions: assertText,
  opensAt: assertInstant,
  closesAt: assertInstant,
  audience: oneOf(commentRoundAudiences),
  commitmentIds: assertKeys,
  createdBy: assertKey,
  createdAt: assertInstant,
});

export function assertCommentRound(round: CommentRound): void {
  checkRound(round, 'round');
}

const checkRoundPatch = plainRecord<CommentRoundPatch>({
  title: optional(assertText),
  instructions: optional(assertText),
  opensAt: optional(assertInstant),
  closesAt: optional(assertInstant),
  audience: optional(oneOf(commentRoundAudiences)),
  commitmentIds: optional(assertKeys),
});

export function assertCommentRoundPatch(patch: CommentRoundPatch): void {
  checkRoundPatch(patch, 'patch');
}

const checkAnchor = plainRecord<CommentAnchor>({
  start: assertText,
  end: assertText,
  quote: assertText,
  prefix: assertText,
  suffix: assertText,
});

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

const checkThread = plainRecord<CommentThread>({
  id: assertKey,
  consultationId: assertKey,
  commitmentId: assertKey,
  roundId: assertKeyOrNull,
  anchor: nullable(checkAnchor),
  status: oneOf(commentThreadStatuses),
  createdBy: assertKey,
  createdAt: assertInstant,
  resolvedBy: assertKeyOrNull,
  resolvedAt: assertInstantOrNull,
});

export function assertCommentThread(thread: CommentThread): void {
  checkThread(thread, 'thread');
}

/** Not a table: which fields a change carries depends on its status. */
export function assertThreadStatusChange(change: ThreadStatusChange): void {
  assertPlainObject(change, 'change');
  assertOneOf(change.status, commentThreadStatuses, 'change.status');
  if (change.status === 'resolved') {
    assertKey(change.resolvedBy, 'change.resolvedBy');
    assertInstant(change.resolvedAt, 'change.resolvedAt');
  }
}

const checkHiding = plainRecord<CommentHiding>({
  at: assertInstant,
  reason: assertText,
  byRole: oneOf(moderatorRoles),
});

export function assertCommentHiding(hidden: CommentHiding, what: string): void {
  checkHiding(hidden, what);
}

const checkComment = plainRecord<Comment>({
  id: assertKey,
  threadId: assertKey,
  authorId: assertKey,
  body: assertText,
  mentions: assertKeys,
  createdAt: assertInstant,
  editedAt: assertInstantOrNull,
  deletedAt: assertInstantOrNull,
  hidden: nullable(checkHiding),
});

export function assertComment(comment: Comment): void {
  checkComment(comment, 'comment');
}

const checkEdit = plainRecord<CommentEdit>({
  body: assertText,
  mentions: assertKeys,
  editedAt: assertInstant,
});

export function assertCommentEdit(edit: CommentEdit): void {
  checkEdit(edit, 'edit');
}

const checkReaction = plainRecord<CommentReaction>({
  commentId: assertKey,
  userId: assertKey,
  kind: oneOf(commentReactionKinds),
  createdAt: assertInstant,
});

export function assertCommentReaction(reaction: CommentReaction): void {
  checkReaction(reaction, 'reaction');
}

const checkResponse = plainRecord<ThreadResponse>({
  threadId: assertKey,
  disposition: oneOf(threadDispositions),
  reason: assertText,
  respondedBy: assertKey,
  respondedAt: assertInstant,
  draftVersion: assertTextOrNull,
});

export function assertThreadResponse(response: ThreadResponse): void {
  checkResponse(response, 'response');
}

const checkFlag = plainRecord<Flag>({
  id: assertKey,
  consultationId: assertKey,
  commentId: assertKey,
  flaggedBy: assertKey,
  reason: assertText,
  createdAt: assertInstant,
  handledAt: assertInstantOrNull,
});

export function assertFlag(flag: Flag): void {
  checkFlag(flag, 'flag');
}

const checkMute = plainRecord<Mute>({
  consultationId: assertKey,
  userId: assertKey,
  until: assertInstant,
  reason: assertText,
  by: assertKey,
  createdAt: assertInstant,
});

export function assertMute(mute: Mute): void {
  checkMute(mute, 'mute');
}

const checkModerationLogEntry = plainRecord<ModerationLogEntry>({
  id: assertKey,
  consultationId: assertKey,
  action: oneOf(moderationActions),
  target: assertText,
  reason: assertText,
  moderatorRole: oneOf(moderatorRoles),
  at: assertInstant,
});

export function assertModerationLogEntry(entry: ModerationLogEntry): void {
  checkModerationLogEntry(entry, 'entry');
}
