import {
  notificationExcerpt,
  publicNameOf,
  type Comment,
  type CommentNotification,
  type CommentThread,
  type Commitment,
  type Consultation,
  type User,
} from '@atelier/domain';
import type { WorkspaceContext } from '../workspaceContext';
import { deliverNotifications } from './deliverNotifications';
import { readersOfCommitment } from './recipients';

/** A comment just stored, with where it was written and by whom. */
export interface PostedComment {
  readonly consultation: Consultation;
  readonly commitment: Commitment;
  readonly thread: CommentThread;
  readonly comment: Comment;
  readonly author: User;
}

/**
 * Tells people about a comment the thread commands have just stored:
 * - `mention`: each member it mentions;
 * - `reply`: the authors of the thread's other comments (deleted ones aside), unless the same
 *   comment mentions them, which already tells them;
 * never the author, and only people who may read the commitment now.
 *
 * `threadComments` are the thread's comments as stored with this one: the command reads them
 * for its answer anyway, so the notifier does not read the thread again.
 *
 * The comment is stored whatever happens here: a failure is logged, never thrown, so the
 * author is not told their comment failed when it did not.
 */
export async function notifyAboutComment(
  context: WorkspaceContext,
  posted: PostedComment,
  threadComments: readonly Comment[],
): Promise<void> {
  try {
    const earlierAuthors = otherAuthorsOfThread(threadComments, posted.comment);
    await deliverNotifications(context, await notificationsFor(context, posted, earlierAuthors));
  } catch (error) {
    context.logger.error(
      { err: error, commentId: posted.comment.id },
      'notifying about a comment failed',
    );
  }
}

/**
 * Tells the members an edit newly mentions (`mention`), and nobody else: the comment itself is
 * not new. Failures are logged, as for a new comment.
 */
export async function notifyAboutAddedMentions(
  context: WorkspaceContext,
  edited: PostedComment,
  previousMentions: readonly string[],
): Promise<void> {
  const before = new Set(previousMentions);
  const added = edited.comment.mentions.filter((id) => !before.has(id));
  if (added.length === 0) return;
  try {
    const onlyAdded = { ...edited, comment: { ...edited.comment, mentions: added } };
    await deliverNotifications(context, await notificationsFor(context, onlyAdded, []));
  } catch (error) {
    context.logger.error(
      { err: error, commentId: edited.comment.id },
      'notifying about added mentions failed',
    );
  }
}

/** `earlierAuthors` get a `reply` (none for an edit, whose comment is not new). */
async function notificationsFor(
  context: WorkspaceContext,
  posted: PostedComment,
  earlierAuthors: readonly string[],
): Promise<CommentNotification[]> {
  const { comment, author } = posted;
  const mentioned = new Set(comment.mentions.filter((id) => id !== author.id));
  const repliedTo = earlierAuthors.filter((id) => id !== author.id && !mentioned.has(id));
  const readers = new Set(
    (await readersOfCommitment(context, [...mentioned, ...repliedTo], posted)).map((u) => u.id),
  );

  const createdAt = context.now().toISOString();
  const about = {
    consultationId: posted.consultation.id,
    commitmentId: posted.commitment.id,
    threadId: posted.thread.id,
    commentId: comment.id,
    actorId: author.id,
    actorName: publicNameOf(author),
    commitmentTitle: posted.commitment.title,
    excerpt: notificationExcerpt(comment.body),
    createdAt,
    readAt: null,
  };
  const to = (userId: string, kind: CommentNotification['kind']): CommentNotification => ({
    ...about,
    id: context.newId(),
    userId,
    kind,
  });
  return [
    ...[...mentioned].filter((id) => readers.has(id)).map((id) => to(id, 'mention')),
    ...repliedTo.filter((id) => readers.has(id)).map((id) => to(id, 'reply')),
  ];
}

/** Who else wrote in the thread, first comment included; a new thread has nobody yet. */
function otherAuthorsOfThread(comments: readonly Comment[], comment: Comment): string[] {
  return [
    ...new Set(
      comments
        .filter((other) => other.id !== comment.id && other.deletedAt === null)
        .map((other) => other.authorId),
    ),
  ];
}
