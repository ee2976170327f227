import {
  decideOnModeration,
  decideOnMute,
  moderatorRoleOf,
  type Comment,
  type CommentThread,
  type ConsultationFacts,
  type Flag,
  type FlagCreateInput,
  type ModerationAction,
  type ModerationLogEntry,
  type ModerationPermission,
  type ModeratorRole,
  type Mute,
  type MuteCreateInput,
  type User,
} from '@atelier/domain';
import { UniqueConstraintError } from '@atelier/storage';
import { AppError, denied } from '../../errors/appError';
import { actorOf, authorizeOnConsultation, loadConsultationFacts } from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';
import { emitThreadChanged } from '../workspaceEvents';
import {
  authorizeOnComment,
  commentNotFound,
  loadCommentFacts,
  requireCommentReadable,
} from './threadCommands';

/**
 * Moderation of comments (issue 6): flags and the queue, hiding and restoring, mutes, and the
 * public moderation log. Every hide, restore, mute and unmute is logged with the moderator's
 * role, never their name; locks are logged by `updateCommitment`.
 */

/** The public log is read on a page, not mined: the newest entries are enough. */
const MODERATION_LOG_PAGE_SIZE = 500;

function authorizeModeration(
  user: User | null,
  permission: ModerationPermission,
  facts: ConsultationFacts,
): void {
  authorizeOnConsultation(user, 'consultation.read', facts);
  const decision = decideOnModeration(actorOf(user), permission, facts);
  if (!decision.allowed) throw denied(decision.reason);
}

async function appendModerationLog(
  context: WorkspaceContext,
  entry: Omit<ModerationLogEntry, 'id'>,
): Promise<void> {
  await context.store.moderationLog.append({ id: context.newId(), ...entry });
}

/** Any participant who can read the comment flags it, once. */
export async function flagComment(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
  input: FlagCreateInput,
): Promise<Flag> {
  const facts = await loadCommentFacts(context, user, commentId);
  authorizeOnComment(user, 'comment.flag', facts);
  const flag: Flag = {
    id: context.newId(),
    consultationId: facts.thread.consultationId,
    commentId,
    flaggedBy: user!.id,
    reason: input.reason,
    createdAt: facts.now,
    handledAt: null,
  };
  try {
    await context.store.flags.create(flag);
  } catch (error) {
    if (error instanceof UniqueConstraintError && error.constraint === 'flag_duplicate') {
      throw AppError.conflict('already_flagged', 'You have already flagged this comment.');
    }
    throw error;
  }
  await recordAudit(context, {
    consultationId: flag.consultationId,
    actor: user,
    action: 'comment.flagged',
    target: `comment:${commentId}`,
    details: { flagId: flag.id },
  });
  return flag;
}

export interface ModerationQueueItem {
  readonly comment: Comment;
  readonly thread: CommentThread;
  readonly author: User | null;
  /** Oldest first. */
  readonly flags: readonly Flag[];
}

/** Open flags grouped by comment, the comment flagged first on top (facilitators). */
export async function listModerationQueue(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<ModerationQueueItem[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeModeration(user, 'moderation.read_queue', facts);
  const { commentThreads, users } = context.store;
  const flags = await context.store.flags.listOpenByConsultation(consultationId);
  const flagsByComment = new Map<string, Flag[]>();
  for (const flag of flags) {
    const list = flagsByComment.get(flag.commentId) ?? [];
    list.push(flag);
    flagsByComment.set(flag.commentId, list);
  }
  const comments = (
    await Promise.all([...flagsByComment.keys()].map((id) => commentThreads.findComment(id)))
  ).filter((comment): comment is Comment => comment !== null);
  const threadIds = [...new Set(comments.map((comment) => comment.threadId))];
  const threads = new Map(
    (await Promise.all(threadIds.map((id) => commentThreads.findThread(id))))
      .filter((thread): thread is CommentThread => thread !== null)
      .map((thread) => [thread.id, thread]),
  );
  const authors = new Map(
    (await users.listByIds([...new Set(comments.map((c) => c.authorId))])).map((u) => [u.id, u]),
  );
  return comments.flatMap((comment) => {
    const thread = threads.get(comment.threadId);
    if (!thread) return [];
    return [
      {
        comment,
        thread,
        author: authors.get(comment.authorId) ?? null,
        flags: flagsByComment.get(comment.id) ?? [],
      },
    ];
  });
}

/** Closes a comment's open flags without hiding it (facilitators). Returns how many. */
export async function dismissFlags(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
): Promise<number> {
  const facts = await loadCommentFacts(context, user, commentId);
  requireCommentReadable(user, facts);
  authorizeModeration(user, 'moderation.read_queue', facts);
  return context.store.flags.markHandledByComment(commentId, facts.now);
}

async function setHidden(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
  reason: string,
  action: Extract<ModerationAction, 'hide' | 'restore'>,
): Promise<Comment> {
  const facts = await loadCommentFacts(context, user, commentId);
  authorizeOnComment(user, action === 'hide' ? 'comment.hide' : 'comment.restore', facts);
  const moderatorRole: ModeratorRole = moderatorRoleOf(facts);
  const { now, thread } = facts;
  const updated = await context.store.commentThreads.setCommentHidden(
    commentId,
    action === 'hide' ? { at: now, reason, byRole: moderatorRole } : null,
  );
  if (!updated) throw commentNotFound();
  // Hiding answers the flags; restoring does not reopen them.
  if (action === 'hide') await context.store.flags.markHandledByComment(commentId, now);
  await appendModerationLog(context, {
    consultationId: thread.consultationId,
    action,
    target: `comment:${commentId}`,
    reason,
    moderatorRole,
    at: now,
  });
  await recordAudit(context, {
    consultationId: thread.consultationId,
    actor: user,
    action: action === 'hide' ? 'comment.hidden' : 'comment.restored',
    target: `comment:${commentId}`,
    details: { threadId: thread.id, reason },
  });
  emitThreadChanged(context.events, thread);
  return updated;
}

/** Hides a comment with a reason: its thread shows the trace, its replies stay (facilitators). */
export function hideComment(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
  reason: string,
): Promise<Comment> {
  return setHidden(context, user, commentId, reason, 'hide');
}

export function restoreComment(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
  reason: string,
): Promise<Comment> {
  return setHidden(context, user, commentId, reason, 'restore');
}

/**
 * Mutes a participant in a consultation until a date (facilitators; never another moderator,
 * nor oneself). Muting again replaces the current mute.
 */
export async function muteParticipant(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  userId: string,
  input: Omit<MuteCreateInput, 'userId'>,
): Promise<Mute> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeModeration(user, 'participant.unmute', facts);
  const target = await context.store.users.findById(userId);
  if (!target) throw AppError.notFound('user_not_found', 'No such person.');
  const decision = decideOnMute(actorOf(user), {
    ...facts,
    target: {
      user: target,
      membership: await context.store.memberships.find(consultationId, userId),
    },
  });
  if (!decision.allowed) throw denied(decision.reason);
  const now = context.now().toISOString();
  if (Date.parse(input.until) <= Date.parse(now)) {
    throw AppError.badRequest('mute_until_past', 'A mute must end in the future.');
  }
  const mute: Mute = {
    consultationId,
    userId,
    until: input.until,
    reason: input.reason,
    by: user!.id,
    createdAt: now,
  };
  await context.store.mutes.upsert(mute);
  // A muted person's open editors turn read-only at once (see workspaceAccessPolicy).
  context.accessChanges.notify({ scope: 'user', userId: mute.userId });
  await appendModerationLog(context, {
    consultationId,
    action: 'mute',
    target: `user:${userId}`,
    reason: input.reason,
    moderatorRole: moderatorRoleOf(facts),
    at: now,
  });
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'participant.muted',
    target: `user:${userId}`,
    details: { until: input.until, reason: input.reason },
  });
  return mute;
}

/** Ends a mute before its date (facilitators). Unknown or expired mutes are 404. */
export async function unmuteParticipant(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  userId: string,
): Promise<void> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeModeration(user, 'participant.unmute', facts);
  const now = context.now().toISOString();
  const active = await context.store.mutes.activeMute(consultationId, userId, now);
  const removed = await context.store.mutes.remove(consultationId, userId);
  if (removed) context.accessChanges.notify({ scope: 'user', userId });
  if (!active || !removed) throw AppError.notFound('mute_not_found', 'This person is not muted.');
  await appendModerationLog(context, {
    consultationId,
    action: 'unmute',
    target: `user:${userId}`,
    reason: '',
    moderatorRole: moderatorRoleOf(facts),
    at: now,
  });
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'participant.unmuted',
    target: `user:${userId}`,
  });
}

/** Mutes in force, ending soonest first (facilitators). */
export async function listMutes(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<Mute[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeModeration(user, 'moderation.read_queue', facts);
  return context.store.mutes.listActiveByConsultation(consultationId, context.now().toISOString());
}

/** The public moderation log: as readable as the consultation itself, signed out included. */
export async function listModerationLog(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<ModerationLogEntry[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeModeration(user, 'moderation.read_log', facts);
  return context.store.moderationLog.listByConsultation(consultationId, MODERATION_LOG_PAGE_SIZE);
}

/** For `updateCommitment`: a lock or unlock goes to the public log (the reason is optional). */
export async function logLockChange(
  context: WorkspaceContext,
  facts: ConsultationFacts,
  commitmentId: string,
  locked: boolean,
  reason = '',
): Promise<void> {
  await appendModerationLog(context, {
    consultationId: facts.consultation.id,
    action: locked ? 'lock' : 'unlock',
    target: `commitment:${commitmentId}`,
    reason,
    moderatorRole: moderatorRoleOf(facts),
    at: context.now().toISOString(),
  });
}
