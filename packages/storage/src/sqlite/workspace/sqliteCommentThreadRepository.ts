import type { Database, Statement, Transaction } from 'better-sqlite3';
import type {
  Comment,
  CommentAnchor,
  CommentHiding,
  CommentReaction,
  CommentReactionKind,
  CommentThread,
  CommentThreadStatus,
  ModeratorRole,
  ThreadDisposition,
  ThreadResponse,
  ThreadWithComments,
} from '@atelier/domain';
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
import { fromJsonColumn, toJsonColumn } from './jsonColumn';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface ThreadRow {
  readonly id: string;
  readonly consultation_id: string;
  readonly commitment_id: string;
  readonly round_id: string | null;
  readonly first_comment_id: string;
  readonly anchor_json: string | null;
  readonly status: string;
  readonly created_by: string;
  readonly created_at: string;
  readonly resolved_by: string | null;
  readonly resolved_at: string | null;
}

interface CommentRow {
  readonly id: string;
  readonly thread_id: string;
  readonly author_id: string;
  readonly body: string;
  readonly mentions_json: string;
  readonly created_at: string;
  readonly edited_at: string | null;
  readonly deleted_at: string | null;
  readonly hidden_at: string | null;
  readonly hidden_reason: string | null;
  readonly hidden_by_role: string | null;
}

interface ReactionRow {
  readonly comment_id: string;
  readonly user_id: string;
  readonly kind: string;
  readonly created_at: string;
}

interface ResponseRow {
  readonly thread_id: string;
  readonly disposition: string;
  readonly reason: string;
  readonly responded_by: string;
  readonly responded_at: string;
  readonly draft_version: string | null;
}

const THREAD_CONSTRAINTS = {
  'comment_threads.id': 'primary_key',
  'comments.id': 'primary_key',
} as const;

/**
 * The thread lists differ only by the column they filter on (never caller input); `id` reads
 * one thread the same way.
 */
type ThreadListColumn = 'id' | 'commitment_id' | 'round_id' | 'consultation_id';

interface ThreadListStatements {
  readonly threads: Statement<[string], ThreadRow>;
  readonly comments: Statement<[string], CommentRow>;
  readonly responses: Statement<[string], ResponseRow>;
}

export class SqliteCommentThreadRepository implements CommentThreadRepository {
  private readonly insertThread: Statement<[ThreadRow]>;
  private readonly insertComment: Statement<[CommentRow]>;
  private readonly insertThreadWithComment: Transaction<
    (thread: ThreadRow, comment: CommentRow) => void
  >;
  private readonly selectThread: Statement<[string], ThreadRow>;
  private readonly writeThreadStatus: Statement<[string, string | null, string | null, string]>;
  private readonly selectComment: Statement<[string], CommentRow>;
  private readonly selectRootComment: Statement<[string], CommentRow>;
  private readonly writeEdit: Statement<[string, string, string, string]>;
  private readonly writeDeletion: Statement<[string, string]>;
  private readonly writeHidden: Statement<[string | null, string | null, string | null, string]>;
  private readonly upsertReaction: Statement<[ReactionRow]>;
  private readonly selectReactionKind: Statement<[string, string], string>;
  private readonly replaceReaction: Transaction<(row: ReactionRow) => string | undefined>;
  private readonly deleteReaction: Statement<[string, string]>;
  private readonly selectReactions: Statement<[string], ReactionRow>;
  private readonly upsertResponse: Statement<[ResponseRow]>;
  private readonly selectResponse: Statement<[string], ResponseRow>;
  private readonly replaceResponse: Transaction<(row: ResponseRow) => ResponseRow | undefined>;
  private readonly lists: Record<ThreadListColumn, ThreadListStatements>;
  private readonly readList: Transaction<
    (column: ThreadListColumn, key: string) => ThreadWithComments[]
  >;

  constructor(db: Database) {
    this.insertThread = db.prepare(`
      INSERT INTO comment_threads (id, consultation_id, commitment_id, round_id,
        first_comment_id, anchor_json, status, created_by, created_at, resolved_by, resolved_at)
      VALUES (@id, @consultation_id, @commitment_id, @round_id, @first_comment_id,
        @anchor_json, @status, @created_by, @created_at, @resolved_by, @resolved_at)
    `);
    this.insertComment = db.prepare(`
      INSERT INTO comments (id, thread_id, author_id, body, mentions_json, created_at,
        edited_at, deleted_at, hidden_at, hidden_reason, hidden_by_role)
      VALUES (@id, @thread_id, @author_id, @body, @mentions_json, @created_at,
        @edited_at, @deleted_at, @hidden_at, @hidden_reason, @hidden_by_role)
    `);
    this.insertThreadWithComment = db.transaction((thread: ThreadRow, comment: CommentRow) => {
      this.insertThread.run(thread);
      this.insertComment.run(comment);
    });
    this.selectThread = db.prepare('SELECT * FROM comment_threads WHERE id = ?');
    this.writeThreadStatus = db.prepare(
      'UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
    );
    this.selectComment = db.prepare('SELECT * FROM comments WHERE id = ?');
    this.selectRootComment = db.prepare(`
      SELECT c.* FROM comments c JOIN comment_threads t ON c.id = t.first_comment_id
      WHERE t.id = ?
    `);
    this.writeEdit = db.prepare(`
      UPDATE comments SET body = ?, mentions_json = ?, edited_at = ?
      WHERE id = ? AND deleted_at IS NULL
    `);
    this.writeDeletion = db.prepare(`
      UPDATE comments SET body = '', mentions_json = '[]', deleted_at = ?
      WHERE id = ? AND deleted_at IS NULL
    `);
    this.writeHidden = db.prepare(`
      UPDATE comments SET hidden_at = ?, hidden_reason = ?, hidden_by_role = ? WHERE id = ?
    `);
    this.upsertReaction = db.prepare(`
      INSERT INTO comment_reactions (comment_id, user_id, kind, created_at)
      VALUES (@comment_id, @user_id, @kind, @created_at)
      ON CONFLICT (comment_id, user_id) DO UPDATE SET kind = excluded.kind,
        created_at = excluded.created_at
    `);
    this.selectReactionKind = db
      .prepare<[string, string], string>(
        'SELECT kind FROM comment_reactions WHERE comment_id = ? AND user_id = ?',
      )
      .pluck();
    this.replaceReaction = db.transaction((row: ReactionRow) => {
      const previous = this.selectReactionKind.get(row.comment_id, row.user_id);
      this.upsertReaction.run(row);
      return previous;
    });
    this.deleteReaction = db.prepare(
      'DELETE FROM comment_reactions WHERE comment_id = ? AND user_id = ?',
    );
    this.selectReactions = db.prepare(`
      SELECT * FROM comment_reactions WHERE comment_id IN (SELECT value FROM json_each(?))
      ORDER BY comment_id, user_id
    `);
    this.upsertResponse = db.prepare(`
      INSERT INTO thread_responses (thread_id, disposition, reason, responded_by, responded_at,
        draft_version)
      VALUES (@thread_id, @disposition, @reason, @responded_by, @responded_at, @draft_version)
      ON CONFLICT (thread_id) DO UPDATE SET disposition = excluded.disposition,
        reason = excluded.reason, responded_by = excluded.responded_by,
        responded_at = excluded.responded_at, draft_version = excluded.draft_version
    `);
    this.selectResponse = db.prepare('SELECT * FROM thread_responses WHERE thread_id = ?');
    this.replaceResponse = db.transaction((row: ResponseRow) => {
      const previous = this.selectResponse.get(row.thread_id);
      this.upsertResponse.run(row);
      return previous;
    });
    this.lists = {
      id: prepareThreadList(db, 'id'),
      commitment_id: prepareThreadList(db, 'commitment_id'),
      round_id: prepareThreadList(db, 'round_id'),
      consultation_id: prepareThreadList(db, 'consultation_id'),
    };
    // One read transaction: threads, comments and responses from the same state of the file.
    this.readList = db.transaction((column: ThreadListColumn, key: string) => {
      const statements = this.lists[column];
      const threads = statements.threads.all(key);
      const comments = new Map<string, Comment[]>();
      for (const row of statements.comments.all(key)) {
        const list = comments.get(row.thread_id) ?? [];
        list.push(commentFromRow(row));
        comments.set(row.thread_id, list);
      }
      const responses = new Map(
        statements.responses.all(key).map((row) => [row.thread_id, responseFromRow(row)]),
      );
      return threads.map((row) => ({
        thread: threadFromRow(row),
        comments: comments.get(row.id) ?? [],
        response: responses.get(row.id) ?? null,
      }));
    });
  }

  async createThread(thread: CommentThread, firstComment: Comment): Promise<void> {
    assertCommentThread(thread);
    assertComment(firstComment);
    if (firstComment.threadId !== thread.id) {
      throw new TypeError('firstComment.threadId must be the thread id');
    }
    withUniqueConstraints(THREAD_CONSTRAINTS, () =>
      this.insertThreadWithComment.immediate(
        threadRow(thread, firstComment.id),
        commentRow(firstComment),
      ),
    );
  }

  async findThread(id: string): Promise<CommentThread | null> {
    assertKey(id, 'id');
    const row = this.selectThread.get(id);
    return row ? threadFromRow(row) : null;
  }

  async findThreadWithComments(threadId: string): Promise<ThreadWithComments | null> {
    assertKey(threadId, 'threadId');
    return this.readList('id', threadId)[0] ?? null;
  }

  async setThreadStatus(id: string, change: ThreadStatusChange): Promise<CommentThread | null> {
    assertKey(id, 'id');
    assertThreadStatusChange(change);
    const resolved = change.status === 'resolved' ? change : null;
    this.writeThreadStatus.run(
      change.status,
      resolved?.resolvedBy ?? null,
      resolved?.resolvedAt ?? null,
      id,
    );
    return this.findThread(id);
  }

  async addComment(comment: Comment): Promise<void> {
    assertComment(comment);
    withUniqueConstraints(THREAD_CONSTRAINTS, () => this.insertComment.run(commentRow(comment)));
  }

  async findComment(id: string): Promise<Comment | null> {
    assertKey(id, 'id');
    const row = this.selectComment.get(id);
    return row ? commentFromRow(row) : null;
  }

  async findRootComment(threadId: string): Promise<Comment | null> {
    assertKey(threadId, 'threadId');
    const row = this.selectRootComment.get(threadId);
    return row ? commentFromRow(row) : null;
  }

  async editComment(id: string, edit: CommentEdit): Promise<Comment | null> {
    assertKey(id, 'id');
    assertCommentEdit(edit);
    const { changes } = this.writeEdit.run(
      edit.body,
      toJsonColumn(edit.mentions),
      edit.editedAt,
      id,
    );
    return changes > 0 ? this.findComment(id) : null;
  }

  async deleteComment(id: string, deletedAt: string): Promise<Comment | null> {
    assertKey(id, 'id');
    assertInstant(deletedAt, 'deletedAt');
    this.writeDeletion.run(deletedAt, id);
    return this.findComment(id);
  }

  async setCommentHidden(id: string, hidden: CommentHiding | null): Promise<Comment | null> {
    assertKey(id, 'id');
    if (hidden !== null) assertCommentHiding(hidden, 'hidden');
    this.writeHidden.run(hidden?.at ?? null, hidden?.reason ?? null, hidden?.byRole ?? null, id);
    return this.findComment(id);
  }

  async listByCommitment(commitmentId: string): Promise<ThreadWithComments[]> {
    assertKey(commitmentId, 'commitmentId');
    return this.readList('commitment_id', commitmentId);
  }

  async listByRound(roundId: string): Promise<ThreadWithComments[]> {
    assertKey(roundId, 'roundId');
    return this.readList('round_id', roundId);
  }

  async listByConsultation(consultationId: string): Promise<ThreadWithComments[]> {
    assertKey(consultationId, 'consultationId');
    return this.readList('consultation_id', consultationId);
  }

  async setReaction(reaction: CommentReaction): Promise<CommentReactionKind | null> {
    assertCommentReaction(reaction);
    const previous = this.replaceReaction.immediate({
      comment_id: reaction.commentId,
      user_id: reaction.userId,
      kind: reaction.kind,
      created_at: reaction.createdAt,
    });
    return (previous as CommentReactionKind | undefined) ?? null;
  }

  async removeReaction(commentId: string, userId: string): Promise<boolean> {
    assertKey(commentId, 'commentId');
    assertKey(userId, 'userId');
    return this.deleteReaction.run(commentId, userId).changes > 0;
  }

  async listReactions(commentIds: readonly string[]): Promise<CommentReaction[]> {
    assertKeys(commentIds, 'commentIds');
    if (commentIds.length === 0) return [];
    return this.selectReactions.all(toJsonColumn(commentIds)).map((row) => ({
      commentId: row.comment_id,
      userId: row.user_id,
      kind: row.kind as CommentReactionKind,
      createdAt: row.created_at,
    }));
  }

  async setResponse(response: ThreadResponse): Promise<ThreadResponse | null> {
    assertThreadResponse(response);
    const previous = this.replaceResponse.immediate({
      thread_id: response.threadId,
      disposition: response.disposition,
      reason: response.reason,
      responded_by: response.respondedBy,
      responded_at: response.respondedAt,
      draft_version: response.draftVersion,
    });
    return previous ? responseFromRow(previous) : null;
  }

  async findResponse(threadId: string): Promise<ThreadResponse | null> {
    assertKey(threadId, 'threadId');
    const row = this.selectResponse.get(threadId);
    return row ? responseFromRow(row) : null;
  }
}

function prepareThreadList(db: Database, column: ThreadListColumn): ThreadListStatements {
  return {
    threads: db.prepare(
      `SELECT * FROM comment_threads WHERE ${column} = ? ORDER BY created_at, id`,
    ),
    // The thread's first comment first, then the replies in time order.
    comments: db.prepare(`
      SELECT c.* FROM comments c JOIN comment_threads t ON t.id = c.thread_id
      WHERE t.${column} = ?
      ORDER BY c.thread_id, c.id = t.first_comment_id DESC, c.created_at, c.id
    `),
    responses: db.prepare(`
      SELECT r.* FROM thread_responses r JOIN comment_threads t ON t.id = r.thread_id
      WHERE t.${column} = ?
    `),
  };
}

function threadRow(thread: CommentThread, firstCommentId: string): ThreadRow {
  return {
    id: thread.id,
    consultation_id: thread.consultationId,
    commitment_id: thread.commitmentId,
    round_id: thread.roundId,
    first_comment_id: firstCommentId,
    anchor_json: thread.anchor ? toJsonColumn(anchorRecord(thread.anchor)) : null,
    status: thread.status,
    created_by: thread.createdBy,
    created_at: thread.createdAt,
    resolved_by: thread.resolvedBy,
    resolved_at: thread.resolvedAt,
  };
}

function threadFromRow(row: ThreadRow): CommentThread {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    commitmentId: row.commitment_id,
    roundId: row.round_id,
    anchor: row.anchor_json === null ? null : fromJsonColumn<CommentAnchor>(row.anchor_json),
    status: row.status as CommentThreadStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

function commentRow(comment: Comment): CommentRow {
  return {
    id: comment.id,
    thread_id: comment.threadId,
    author_id: comment.authorId,
    body: comment.body,
    mentions_json: toJsonColumn(comment.mentions),
    created_at: comment.createdAt,
    edited_at: comment.editedAt,
    deleted_at: comment.deletedAt,
    hidden_at: comment.hidden?.at ?? null,
    hidden_reason: comment.hidden?.reason ?? null,
    hidden_by_role: comment.hidden?.byRole ?? null,
  };
}

function commentFromRow(row: CommentRow): Comment {
  const hidden: CommentHiding | null =
    row.hidden_at !== null && row.hidden_reason !== null && row.hidden_by_role !== null
      ? {
          at: row.hidden_at,
          reason: row.hidden_reason,
          byRole: row.hidden_by_role as ModeratorRole,
        }
      : null;
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    body: row.body,
    mentions: fromJsonColumn<string[]>(row.mentions_json),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    hidden,
  };
}

function responseFromRow(row: ResponseRow): ThreadResponse {
  return {
    threadId: row.thread_id,
    disposition: row.disposition as ThreadDisposition,
    reason: row.reason,
    respondedBy: row.responded_by,
    respondedAt: row.responded_at,
    draftVersion: row.draft_version,
  };
}
