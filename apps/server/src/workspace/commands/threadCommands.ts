import type * as Y from 'yjs';
import {
  checkAnchorBelongsToDoc,
  resolveAnchor,
  textAnchorSchema,
  type AnchorResolution,
} from '@atelier/collab';
import {
  decideOnComment,
  decideOnCommitment,
  decideOnNewThread,
  decideOnThread,
  openRoundFor,
  type Comment,
  type CommentAction,
  type CommentAnchor,
  type CommentDecision,
  type CommentEditInput,
  type CommentFacts,
  type CommentingFacts,
  type CommentReaction,
  type CommentReactionKind,
  type CommentReplyInput,
  type CommentRound,
  type CommentThread,
  type CommitmentFacts,
  type OrganisationKind,
  type ThreadAction,
  type ThreadCreateInput,
  type ThreadFacts,
  type ThreadWithComments,
  type User,
} from '@atelier/domain';
import type { DocumentStore } from '@atelier/storage';
import { docFromStored } from '../../collab/storedDocument';
import { TokenBucket } from '../../collab/tokenBucket';
import { AppError, denied } from '../../errors/appError';
import { actorOf, commitmentNotFound, loadCommitmentFacts } from '../loadFacts';
import { notifyAboutAddedMentions, notifyAboutComment } from '../notifications/commentNotifier';
import type { WorkspaceContext } from '../workspaceContext';
import { emitThreadChanged } from '../workspaceEvents';
import { ensureCommenter, roundNotFound } from './roundCommands';

/**
 * Threads, comments and reactions (issue 6): load the facts, ask the domain's comment rules,
 * write, tell the watchers. Bodies are plain text and stored exactly as received.
 */

/** Where the server reads a commitment's draft to check and resolve anchors. */
export interface DraftDocuments {
  /** The draft as the server holds it now; the caller only reads it. */
  load(docName: string): Promise<Y.Doc>;
}

/**
 * Reads drafts from the document store. The collaboration server stores every update before it
 * sends it to anyone, so this is at least what every other client has seen; a live document in
 * the collaboration registry may be a few milliseconds ahead.
 */
export function storedDraftDocuments(documents: DocumentStore): DraftDocuments {
  return { load: async (docName) => docFromStored(await documents.loadDocument(docName)) };
}

/** A flood of comments is cut off, a lively discussion never is. */
export const COMMENTS_PER_MINUTE = 10;
export const COMMENT_BURST = 5;
/** Beyond this many people tracked, the oldest buckets are forgotten (they refill anyway). */
const MAX_TRACKED_PEOPLE = 10_000;

/** Per-person token bucket for new comments (threads and replies), in memory. */
export class CommentFloodGuard {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perMinute = COMMENTS_PER_MINUTE,
    private readonly burst = COMMENT_BURST,
  ) {}

  /** Takes one token for this person at `nowMs`, or throws 429 `too_many_comments`. */
  take(userId: string, nowMs: number): void {
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      bucket = new TokenBucket(this.perMinute / 60, this.burst, nowMs);
      this.buckets.set(userId, bucket);
      if (this.buckets.size > MAX_TRACKED_PEOPLE) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    if (!bucket.tryTake(1, nowMs)) {
      throw new AppError(
        429,
        'too_many_comments',
        'You are commenting too fast; wait a moment and try again.',
      );
    }
  }
}

/** What the comment use cases need besides the workspace context. */
export interface CommentServices {
  readonly drafts: DraftDocuments;
  readonly flood: CommentFloodGuard;
}

export function commentServicesFor(context: WorkspaceContext): CommentServices {
  return { drafts: storedDraftDocuments(context.documents), flood: new CommentFloodGuard() };
}

/** Threads of a commitment with everything a page shows about them. */
export interface ThreadListing {
  readonly threads: readonly ThreadWithComments[];
  readonly reactions: readonly CommentReaction[];
  readonly people: ReadonlyMap<string, { user: User; kind: OrganisationKind | null }>;
  /** By thread id, for anchored threads when they were resolved. */
  readonly anchors: ReadonlyMap<string, AnchorResolution>;
  readonly viewerId: string | null;
}

export function threadNotFound(): AppError {
  return AppError.notFound('thread_not_found', 'No such thread.');
}

export function commentNotFound(): AppError {
  return AppError.notFound('comment_not_found', 'No such comment.');
}

export async function listThreads(
  context: WorkspaceContext,
  services: CommentServices,
  user: User | null,
  commitmentId: string,
): Promise<ThreadListing> {
  const facts = await loadCommitmentFacts(context, user, commitmentId);
  authorizeComment(user, { allowed: true }, facts, commitmentNotFound);
  const threads = await context.store.commentThreads.listByCommitment(commitmentId);
  return buildListing(context, user, threads, {
    drafts: services.drafts,
    docName: facts.commitment.docName,
  });
}

export async function createThread(
  context: WorkspaceContext,
  services: CommentServices,
  user: User | null,
  commitmentId: string,
  input: ThreadCreateInput,
): Promise<ThreadListing> {
  const base = await loadCommitmentFacts(context, user, commitmentId);
  const now = context.now().toISOString();
  const round = await roundForNewThread(context, base, input.roundId, now);
  const facts: CommentingFacts = { ...base, round, mute: await muteOf(context, user, base), now };
  authorizeComment(user, decideOnNewThread(actorOf(user), facts), facts, commitmentNotFound);
  const author = user!;

  let doc: Y.Doc | null = null;
  let anchor: CommentAnchor | null = null;
  if (input.anchor) {
    doc = await services.drafts.load(base.commitment.docName);
    anchor = checkedAnchor(doc, input.anchor);
  }
  await ensureMentionsAreMembers(context, base, input.mentions);
  services.flood.take(author.id, context.now().getTime());
  if (round?.audience === 'public') await ensureCommenter(context, author, base);

  const thread: CommentThread = {
    id: context.newId(),
    consultationId: base.consultation.id,
    commitmentId,
    roundId: round?.id ?? null,
    anchor,
    status: 'open',
    createdBy: author.id,
    createdAt: now,
    resolvedBy: null,
    resolvedAt: null,
  };
  const first: Comment = newComment(context, thread.id, author, input, now);
  await context.store.commentThreads.createThread(thread, first);
  emitThreadChanged(context.events, thread);
  await notifyAboutComment(context, { ...base, thread, comment: first, author }, [first]);
  return buildListing(context, user, [{ thread, comments: [first], response: null }], {
    doc,
  });
}

export async function replyToThread(
  context: WorkspaceContext,
  services: CommentServices,
  user: User | null,
  threadId: string,
  input: CommentReplyInput,
): Promise<{ listing: ThreadListing; commentId: string }> {
  const facts = await loadThreadFacts(context, user, threadId);
  authorizeThread(user, 'thread.reply', facts);
  const author = user!;
  await ensureMentionsAreMembers(context, facts, input.mentions);
  services.flood.take(author.id, context.now().getTime());
  if (facts.round?.audience === 'public') await ensureCommenter(context, author, facts);
  const reply = newComment(context, threadId, author, input, facts.now);
  await context.store.commentThreads.addComment(reply);
  emitThreadChanged(context.events, facts.thread);
  // One read of the thread as stored now serves both the notifications and the answer.
  const stored = await context.store.commentThreads.findThreadWithComments(threadId);
  await notifyAboutComment(context, { ...facts, comment: reply, author }, stored?.comments ?? []);
  const listing = await buildListing(context, user, stored ? [stored] : [], {});
  return { listing, commentId: reply.id };
}

export async function editComment(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
  input: CommentEditInput,
): Promise<ThreadListing> {
  const facts = await loadCommentFacts(context, user, commentId);
  authorizeOnComment(user, 'comment.edit', facts);
  await ensureMentionsAreMembers(context, facts, input.mentions);
  const edited = await context.store.commentThreads.editComment(commentId, {
    body: input.body,
    mentions: input.mentions,
    editedAt: facts.now,
  });
  if (!edited) throw commentNotFound();
  emitThreadChanged(context.events, facts.thread);
  await notifyAboutAddedMentions(
    context,
    { ...facts, comment: edited, author: user! },
    facts.comment.mentions,
  );
  return listingOfThread(context, user, facts.thread);
}

/** Empties the comment; with replies after it, the thread shows "comment deleted". */
export async function deleteComment(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
): Promise<void> {
  const facts = await loadCommentFacts(context, user, commentId);
  authorizeOnComment(user, 'comment.delete', facts);
  await context.store.commentThreads.deleteComment(commentId, facts.now);
  emitThreadChanged(context.events, facts.thread);
}

/** Agree or disagree; a second reaction replaces the first. */
export async function reactToComment(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
  kind: CommentReactionKind | null,
): Promise<ThreadListing> {
  const facts = await loadCommentFacts(context, user, commentId);
  authorizeOnComment(user, 'comment.react', facts);
  const userId = user!.id;
  if (kind === null) await context.store.commentThreads.removeReaction(commentId, userId);
  else
    await context.store.commentThreads.setReaction({
      commentId,
      userId,
      kind,
      createdAt: facts.now,
    });
  emitThreadChanged(context.events, facts.thread);
  return listingOfThread(context, user, facts.thread);
}

// ---- Facts, shared with responseCommands.ts -------------------------------------------------

export async function loadThreadFacts(
  context: WorkspaceContext,
  user: User | null,
  threadId: string,
): Promise<ThreadFacts> {
  const thread = await context.store.commentThreads.findThread(threadId);
  if (!thread) throw threadNotFound();
  const [base, rootComment, round] = await Promise.all([
    loadCommitmentFacts(context, user, thread.commitmentId),
    context.store.commentThreads.findRootComment(threadId),
    thread.roundId ? context.store.commentRounds.findById(thread.roundId) : null,
  ]);
  if (!rootComment || (thread.roundId !== null && !round)) throw threadNotFound();
  return {
    ...base,
    thread,
    rootComment,
    round,
    mute: await muteOf(context, user, base),
    now: context.now().toISOString(),
  };
}

/** A comment with its thread, round, commitment, the caller's membership and mute. */
export async function loadCommentFacts(
  context: WorkspaceContext,
  user: User | null,
  commentId: string,
): Promise<CommentFacts> {
  const comment = await context.store.commentThreads.findComment(commentId);
  if (!comment) throw commentNotFound();
  const facts = await loadThreadFacts(context, user, comment.threadId);
  return { ...facts, comment };
}

/**
 * Throws the refusal: as for commitments, someone who may not read the commitment gets the same
 * 404 as for an id that does not exist; signed out is 401.
 */
function authorizeComment(
  user: User | null,
  decision: CommentDecision,
  facts: CommitmentFacts,
  notFound: () => AppError,
): void {
  const read = decideOnCommitment(actorOf(user), 'commitment.read', facts);
  if (!read.allowed) {
    if (read.reason === 'signed_out' || read.reason === 'account_disabled')
      throw denied(read.reason);
    throw notFound();
  }
  if (!decision.allowed) throw denied(decision.reason);
}

/** Only that the caller may read the comment's commitment (else the 404 of an unknown comment). */
export function requireCommentReadable(user: User | null, facts: CommentFacts): void {
  authorizeComment(user, { allowed: true }, facts, commentNotFound);
}

export function authorizeThread(user: User | null, action: ThreadAction, facts: ThreadFacts): void {
  authorizeComment(user, decideOnThread(actorOf(user), action, facts), facts, threadNotFound);
}

export function authorizeOnComment(
  user: User | null,
  action: CommentAction,
  facts: CommentFacts,
): void {
  authorizeComment(user, decideOnComment(actorOf(user), action, facts), facts, commentNotFound);
}

async function muteOf(context: WorkspaceContext, user: User | null, facts: CommitmentFacts) {
  return user
    ? context.store.mutes.activeMute(facts.consultation.id, user.id, context.now().toISOString())
    : null;
}

/** The round the client named, or the open round covering the commitment, or none. */
async function roundForNewThread(
  context: WorkspaceContext,
  facts: CommitmentFacts,
  roundId: string | undefined,
  now: string,
): Promise<CommentRound | null> {
  if (roundId !== undefined) {
    const round = await context.store.commentRounds.findById(roundId);
    if (!round || round.consultationId !== facts.consultation.id) throw roundNotFound();
    return round;
  }
  const rounds = await context.store.commentRounds.listByConsultation(facts.consultation.id);
  return openRoundFor(rounds, facts.commitment.id, now);
}

/** Shape (positions decode) and ownership (they name items of this very draft). */
function checkedAnchor(doc: Y.Doc, candidate: CommentAnchor): CommentAnchor {
  const parsed = textAnchorSchema.safeParse(candidate);
  const belongs = parsed.success && checkAnchorBelongsToDoc(doc, parsed.data).belongs;
  if (!parsed.success || !belongs) {
    throw AppError.badRequest('invalid_anchor', 'The anchor does not point into this draft.');
  }
  return parsed.data;
}

async function ensureMentionsAreMembers(
  context: WorkspaceContext,
  facts: CommitmentFacts,
  mentions: readonly string[],
): Promise<void> {
  if (mentions.length === 0) return;
  const members = new Set(
    (await context.store.memberships.listByConsultation(facts.consultation.id)).map(
      (m) => m.userId,
    ),
  );
  if (mentions.some((id) => !members.has(id))) {
    throw AppError.badRequest(
      'invalid_mention',
      'Only members of the consultation can be mentioned.',
    );
  }
}

function newComment(
  context: WorkspaceContext,
  threadId: string,
  author: User,
  input: { body: string; mentions: readonly string[] },
  now: string,
): Comment {
  return {
    id: context.newId(),
    threadId,
    authorId: author.id,
    body: input.body,
    mentions: [...input.mentions],
    createdAt: now,
    editedAt: null,
    deletedAt: null,
    hidden: null,
  };
}

// ---- Listings ----------------------------------------------------------------------------------

/** One thread as it is stored now, without resolving its anchor (comment-level answers). */
async function listingOfThread(
  context: WorkspaceContext,
  user: User | null,
  thread: CommentThread,
  drafts?: { drafts: DraftDocuments; docName: string },
): Promise<ThreadListing> {
  const stored = await context.store.commentThreads.findThreadWithComments(thread.id);
  return buildListing(context, user, stored ? [stored] : [], drafts ?? {});
}

/** One thread with its anchor resolved against the current draft (thread-level answers). */
export async function resolvedListingOfThread(
  context: WorkspaceContext,
  services: CommentServices,
  user: User | null,
  facts: ThreadFacts,
): Promise<ThreadListing> {
  return listingOfThread(context, user, facts.thread, {
    drafts: services.drafts,
    docName: facts.commitment.docName,
  });
}

async function buildListing(
  context: WorkspaceContext,
  user: User | null,
  threads: readonly ThreadWithComments[],
  source: { doc?: Y.Doc | null; drafts?: DraftDocuments; docName?: string },
): Promise<ThreadListing> {
  const commentIds = threads.flatMap(({ comments }) => comments.map((c) => c.id));
  const reactions =
    commentIds.length > 0 ? await context.store.commentThreads.listReactions(commentIds) : [];
  const personIds = [
    ...threads.flatMap(({ thread, comments, response }) => [
      ...comments.flatMap((c) => [c.authorId, ...c.mentions]),
      ...(thread.resolvedBy ? [thread.resolvedBy] : []),
      ...(response ? [response.respondedBy] : []),
    ]),
    ...reactions.map((r) => r.userId),
  ];
  const people = await peopleById(context, personIds);

  const anchors = new Map<string, AnchorResolution>();
  const anchored = threads.filter(({ thread }) => thread.anchor !== null);
  if (anchored.length > 0) {
    let doc = source.doc ?? null;
    if (!doc && source.drafts && source.docName) doc = await source.drafts.load(source.docName);
    if (doc) {
      for (const { thread } of anchored) anchors.set(thread.id, resolveAnchor(doc, thread.anchor!));
    }
  }
  return { threads, reactions, people, anchors, viewerId: user?.id ?? null };
}

async function peopleById(
  context: WorkspaceContext,
  ids: readonly string[],
): Promise<Map<string, { user: User; kind: OrganisationKind | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await context.store.users.listByIds(unique);
  const organisationIds = [
    ...new Set(users.flatMap((u) => (u.organisationId ? [u.organisationId] : []))),
  ];
  const organisations =
    organisationIds.length > 0 ? await context.store.organisations.listByIds(organisationIds) : [];
  const kinds = new Map(organisations.map((o) => [o.id, o.kind]));
  return new Map(
    users.map((u) => [
      u.id,
      { user: u, kind: u.organisationId ? (kinds.get(u.organisationId) ?? null) : null },
    ]),
  );
}

/** Each person's organisation kind (null without one), for counts by participant kind. */
export async function participantKindsOf(
  context: WorkspaceContext,
  userIds: readonly string[],
): Promise<Map<string, OrganisationKind | null>> {
  const people = await peopleById(context, userIds);
  return new Map([...people].map(([id, person]) => [id, person.kind]));
}
