import type {
  Comment,
  CommentHiding,
  CommentReaction,
  CommentReactionKind,
  CommentThread,
  ThreadResponse,
  ThreadWithComments,
} from '@atelier/domain';
import type { Filter } from 'mongodb';
import { assertInstant, assertKey, assertKeys } from '../../workspace/argumentGuards';
import {
  anchorRecord,
  assertComment,
  assertCommentEdit,
  assertCommentHiding,
  assertCommentReaction,
  assertCommentThread,
  assertThreadResponse,
  assertThreadStatusChange,
} from '../../workspace/validateCommentRecords';
import type {
  CommentEdit,
  CommentThreadRepository,
  ThreadStatusChange,
} from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type {
  CommentRecord,
  CommentThreadRecord,
  ThreadResponseRecord,
  WorkspaceCollections,
} from './workspaceCollections';

type ThreadCollections = Pick<
  WorkspaceCollections,
  'commentThreads' | 'comments' | 'commentReactions' | 'threadResponses'
>;

/**
 * No multi-document transactions (no replica set required): a thread and its first comment are
 * two inserts. The comment goes first, and is removed again if the thread cannot be stored; a
 * crash in between leaves a comment no thread lists.
 */
export class MongoCommentThreadRepository implements CommentThreadRepository {
  constructor(
    private readonly collections: ThreadCollections,
    private readonly connection: ConnectionState,
  ) {}

  async createThread(thread: CommentThread, firstComment: Comment): Promise<void> {
    this.connection.assertOpen();
    assertCommentThread(thread);
    assertComment(firstComment);
    if (firstComment.threadId !== thread.id) {
      throw new TypeError('firstComment.threadId must be the thread id');
    }
    await withUniqueConstraints(() =>
      this.collections.comments.insertOne(commentRecord(firstComment)),
    );
    try {
      await withUniqueConstraints(() =>
        this.collections.commentThreads.insertOne(threadRecord(thread, firstComment.id)),
      );
    } catch (error) {
      await this.collections.comments.deleteOne({ _id: firstComment.id }).catch(() => undefined);
      throw error;
    }
  }

  async findThread(id: string): Promise<CommentThread | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    const record = await this.collections.commentThreads.findOne({ _id: id });
    return record ? threadFromRecord(record) : null;
  }

  async setThreadStatus(id: string, change: ThreadStatusChange): Promise<CommentThread | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertThreadStatusChange(change);
    const resolved = change.status === 'resolved' ? change : null;
    const updated = await this.collections.commentThreads.findOneAndUpdate(
      { _id: id },
      {
        $set: {
          status: change.status,
          resolvedBy: resolved?.resolvedBy ?? null,
          resolvedAt: resolved?.resolvedAt ?? null,
        },
      },
      { returnDocument: 'after' },
    );
    return updated ? threadFromRecord(updated) : null;
  }

  async addComment(comment: Comment): Promise<void> {
    this.connection.assertOpen();
    assertComment(comment);
    await withUniqueConstraints(() => this.collections.comments.insertOne(commentRecord(comment)));
  }

  async findComment(id: string): Promise<Comment | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    const record = await this.collections.comments.findOne({ _id: id });
    return record ? commentFromRecord(record) : null;
  }

  async findRootComment(threadId: string): Promise<Comment | null> {
    this.connection.assertOpen();
    assertKey(threadId, 'threadId');
    const thread = await this.collections.commentThreads.findOne(
      { _id: threadId },
      { projection: { firstCommentId: 1 } },
    );
    if (!thread) return null;
    const record = await this.collections.comments.findOne({ _id: thread.firstCommentId });
    return record ? commentFromRecord(record) : null;
  }

  async editComment(id: string, edit: CommentEdit): Promise<Comment | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertCommentEdit(edit);
    const updated = await this.collections.comments.findOneAndUpdate(
      { _id: id, deletedAt: null },
      { $set: { body: edit.body, mentions: [...edit.mentions], editedAt: edit.editedAt } },
      { returnDocument: 'after' },
    );
    return updated ? commentFromRecord(updated) : null;
  }

  async deleteComment(id: string, deletedAt: string): Promise<Comment | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertInstant(deletedAt, 'deletedAt');
    await this.collections.comments.updateOne(
      { _id: id, deletedAt: null },
      { $set: { body: '', mentions: [], deletedAt } },
    );
    return this.findComment(id);
  }

  async setCommentHidden(id: string, hidden: CommentHiding | null): Promise<Comment | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    if (hidden !== null) assertCommentHiding(hidden, 'hidden');
    const updated = await this.collections.comments.findOneAndUpdate(
      { _id: id },
      { $set: { hidden: hidden === null ? null : hidingRecord(hidden) } },
      { returnDocument: 'after' },
    );
    return updated ? commentFromRecord(updated) : null;
  }

  async findThreadWithComments(threadId: string): Promise<ThreadWithComments | null> {
    this.connection.assertOpen();
    assertKey(threadId, 'threadId');
    return (await this.listThreads({ _id: threadId }))[0] ?? null;
  }

  async listByCommitment(commitmentId: string): Promise<ThreadWithComments[]> {
    this.connection.assertOpen();
    assertKey(commitmentId, 'commitmentId');
    return this.listThreads({ commitmentId });
  }

  async listByRound(roundId: string): Promise<ThreadWithComments[]> {
    this.connection.assertOpen();
    assertKey(roundId, 'roundId');
    return this.listThreads({ roundId });
  }

  async listByConsultation(consultationId: string): Promise<ThreadWithComments[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    return this.listThreads({ consultationId });
  }

  async setReaction(reaction: CommentReaction): Promise<CommentReactionKind | null> {
    this.connection.assertOpen();
    assertCommentReaction(reaction);
    // An upsert on exactly the unique index's fields: the server retries a racing insert.
    const previous = await this.collections.commentReactions.findOneAndUpdate(
      { commentId: reaction.commentId, userId: reaction.userId },
      { $set: { kind: reaction.kind, createdAt: reaction.createdAt } },
      { upsert: true, returnDocument: 'before', projection: { _id: 0, kind: 1 } },
    );
    return previous?.kind ?? null;
  }

  async removeReaction(commentId: string, userId: string): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(commentId, 'commentId');
    assertKey(userId, 'userId');
    const result = await this.collections.commentReactions.deleteOne({ commentId, userId });
    return result.deletedCount > 0;
  }

  async listReactions(commentIds: readonly string[]): Promise<CommentReaction[]> {
    this.connection.assertOpen();
    assertKeys(commentIds, 'commentIds');
    if (commentIds.length === 0) return [];
    const records = await this.collections.commentReactions
      .find({ commentId: { $in: [...commentIds] } }, { projection: { _id: 0 } })
      .sort({ commentId: 1, userId: 1 })
      .toArray();
    return records.map((record) => ({
      commentId: record.commentId,
      userId: record.userId,
      kind: record.kind,
      createdAt: record.createdAt,
    }));
  }

  async setResponse(response: ThreadResponse): Promise<ThreadResponse | null> {
    this.connection.assertOpen();
    assertThreadResponse(response);
    const previous = await this.collections.threadResponses.findOneAndUpdate(
      { _id: response.threadId },
      {
        $set: {
          disposition: response.disposition,
          reason: response.reason,
          respondedBy: response.respondedBy,
          respondedAt: response.respondedAt,
          draftVersion: response.draftVersion,
        },
      },
      { upsert: true, returnDocument: 'before' },
    );
    return previous ? responseFromRecord(previous) : null;
  }

  async findResponse(threadId: string): Promise<ThreadResponse | null> {
    this.connection.assertOpen();
    assertKey(threadId, 'threadId');
    const record = await this.collections.threadResponses.findOne({ _id: threadId });
    return record ? responseFromRecord(record) : null;
  }

  /** Three reads (threads, their comments, their responses), grouped here. */
  private async listThreads(filter: Filter<CommentThreadRecord>): Promise<ThreadWithComments[]> {
    const threads = await this.collections.commentThreads
      .find(filter)
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    if (threads.length === 0) return [];
    const threadIds = threads.map((thread) => thread._id);
    const [comments, responses] = await Promise.all([
      this.collections.comments
        .find({ threadId: { $in: threadIds } })
        .sort({ createdAt: 1, _id: 1 })
        .toArray(),
      this.collections.threadResponses.find({ _id: { $in: threadIds } }).toArray(),
    ]);
    const commentsByThread = new Map<string, Comment[]>();
    for (const record of comments) {
      const list = commentsByThread.get(record.threadId) ?? [];
      list.push(commentFromRecord(record));
      commentsByThread.set(record.threadId, list);
    }
    const responsesByThread = new Map(
      responses.map((record) => [record._id, responseFromRecord(record)]),
    );
    return threads.map((record) => ({
      thread: threadFromRecord(record),
      comments: firstCommentFirst(commentsByThread.get(record._id) ?? [], record.firstCommentId),
      response: responsesByThread.get(record._id) ?? null,
    }));
  }
}

/** The thread's first comment, then the others in the (createdAt, id) order they came in. */
function firstCommentFirst(comments: Comment[], firstCommentId: string): Comment[] {
  const first = comments.find((comment) => comment.id === firstCommentId);
  if (!first) return comments;
  return [first, ...comments.filter((comment) => comment !== first)];
}

function threadRecord(thread: CommentThread, firstCommentId: string): CommentThreadRecord {
  return {
    _id: thread.id,
    consultationId: thread.consultationId,
    commitmentId: thread.commitmentId,
    roundId: thread.roundId,
    firstCommentId,
    anchor: thread.anchor ? anchorRecord(thread.anchor) : null,
    status: thread.status,
    createdBy: thread.createdBy,
    createdAt: thread.createdAt,
    resolvedBy: thread.resolvedBy,
    resolvedAt: thread.resolvedAt,
  };
}

function threadFromRecord(record: CommentThreadRecord): CommentThread {
  return {
    id: record._id,
    consultationId: record.consultationId,
    commitmentId: record.commitmentId,
    roundId: record.roundId,
    anchor: record.anchor ? anchorRecord(record.anchor) : null,
    status: record.status,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    resolvedBy: record.resolvedBy,
    resolvedAt: record.resolvedAt,
  };
}

function hidingRecord(hidden: CommentHiding): CommentHiding {
  return { at: hidden.at, reason: hidden.reason, byRole: hidden.byRole };
}

function commentRecord(comment: Comment): CommentRecord {
  return {
    _id: comment.id,
    threadId: comment.threadId,
    authorId: comment.authorId,
    body: comment.body,
    mentions: [...comment.mentions],
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    deletedAt: comment.deletedAt,
    hidden: comment.hidden === null ? null : hidingRecord(comment.hidden),
  };
}

function commentFromRecord(record: CommentRecord): Comment {
  return {
    id: record._id,
    threadId: record.threadId,
    authorId: record.authorId,
    body: record.body,
    mentions: [...record.mentions],
    createdAt: record.createdAt,
    editedAt: record.editedAt,
    deletedAt: record.deletedAt,
    hidden: record.hidden === null ? null : hidingRecord(record.hidden),
  };
}

function responseFromRecord(record: ThreadResponseRecord): ThreadResponse {
  return {
    threadId: record._id,
    disposition: record.disposition,
    reason: record.reason,
    respondedBy: record.respondedBy,
    respondedAt: record.respondedAt,
    draftVersion: record.draftVersion,
  };
}
