import { anchorForQuote } from '@atelier/collab';
import type { CommentAnchor, CommentRound } from '@atelier/domain';
import { setThreadResolved, respondToThread } from '../commands/responseCommands';
import { createRound } from '../commands/roundCommands';
import {
  commentServicesFor,
  createThread,
  reactToComment,
  replyToThread,
  type CommentServices,
  type DraftDocuments,
} from '../commands/threadCommands';
import type { WorkspaceContext } from '../workspaceContext';
import {
  demoFacilitatorEmail,
  demoRounds,
  demoThreads,
  type DemoRound,
  type DemoThread,
} from './demoDiscussionContent';
import { demoCommitment, demoPerson, type DemoPlan } from './demoPlan';

/** Reactions come this long after the last comment of their thread. */
const REACTION_DELAY_MS = 3_600_000;

type RoundsByKey = ReadonlyMap<DemoRound['key'], CommentRound>;

/**
 * The comment rounds and their threads, written through the comment use cases. What happened in
 * the past (the closed round, yesterday's comments) is written with the use cases' clock set to
 * that moment, so the rules that hold then (a round takes comments only while open) hold here.
 */
export async function loadDemoDiscussion(
  context: WorkspaceContext,
  plan: DemoPlan,
  loadedAt: Date,
): Promise<void> {
  const rounds = await ensureDemoRounds(context, plan, loadedAt);
  const services = commentServicesFor(context);
  for (const thread of demoThreads) {
    await ensureDemoThread(context, services, plan, rounds, thread, loadedAt);
  }
}

/** The use cases' clock stopped at `instant`; everything else is the workspace's. */
function contextAt(context: WorkspaceContext, instant: Date): WorkspaceContext {
  return { ...context, now: () => new Date(instant.getTime()) };
}

function offset(loadedAt: Date, ms: number): Date {
  return new Date(loadedAt.getTime() + ms);
}

/** Each demo round, found by its title or opened by the facilitator at its opening time. */
async function ensureDemoRounds(
  context: WorkspaceContext,
  plan: DemoPlan,
  loadedAt: Date,
): Promise<RoundsByKey> {
  const facilitator = demoPerson(plan, demoFacilitatorEmail);
  const existing = await context.store.commentRounds.listByConsultation(plan.consultationId);
  const rounds = new Map<DemoRound['key'], CommentRound>();
  for (const demo of demoRounds) {
    const opensAt = offset(loadedAt, demo.opensInMs);
    const round =
      existing.find((candidate) => candidate.title === demo.title) ??
      (
        await createRound(contextAt(context, opensAt), facilitator, plan.consultationId, {
          title: demo.title,
          instructions: demo.instructions,
          opensAt: opensAt.toISOString(),
          closesAt: offset(loadedAt, demo.closesInMs).toISOString(),
          audience: demo.audience,
          commitmentIds: demo.commitmentIndexes.map((index) => demoCommitment(plan, index).id),
        })
      ).round;
    rounds.set(demo.key, round);
  }
  return rounds;
}

/** One thread with its replies, reactions and response, unless its first comment is there already. */
async function ensureDemoThread(
  context: WorkspaceContext,
  services: CommentServices,
  plan: DemoPlan,
  rounds: RoundsByKey,
  demo: DemoThread,
  loadedAt: Date,
): Promise<void> {
  const commitment = demoCommitment(plan, demo.commitmentIndex);
  const existing = await context.store.commentThreads.listByCommitment(commitment.id);
  if (existing.some(({ comments }) => comments[0]?.body === demo.body)) return;

  const anchor =
    demo.quote === null
      ? null
      : await anchorOnDraft(services.drafts, commitment.docName, demo.quote);
  const listing = await createThread(
    contextAt(context, offset(loadedAt, demo.atMs)),
    services,
    demoPerson(plan, demo.authorEmail),
    commitment.id,
    { body: demo.body, anchor, mentions: [], roundId: rounds.get(demo.roundKey)!.id },
  );
  const created = listing.threads[0]!;
  const threadId = created.thread.id;
  const commentIds = [created.comments[0]!.id];
  let lastAtMs = demo.atMs;
  for (const reply of demo.replies) {
    const { commentId } = await replyToThread(
      contextAt(context, offset(loadedAt, reply.atMs)),
      services,
      demoPerson(plan, reply.authorEmail),
      threadId,
      { body: reply.body, mentions: [] },
    );
    commentIds.push(commentId);
    lastAtMs = reply.atMs;
  }
  const reactedAt = contextAt(context, offset(loadedAt, lastAtMs + REACTION_DELAY_MS));
  for (const reaction of demo.reactions) {
    const commentId = commentIds[reaction.replyIndex === undefined ? 0 : reaction.replyIndex + 1]!;
    await reactToComment(reactedAt, demoPerson(plan, reaction.byEmail), commentId, reaction.kind);
  }
  if (demo.response) {
    const respondent = demoPerson(plan, demo.response.byEmail);
    const respondedAt = contextAt(context, offset(loadedAt, demo.response.atMs));
    await respondToThread(respondedAt, services, respondent, threadId, {
      disposition: demo.response.disposition,
      reason: demo.response.reason,
    });
    await setThreadResolved(respondedAt, services, respondent, threadId, true);
  }
}

/**
 * The anchor of a passage of the stored draft, made as the API expects it (`anchorForQuote`, the
 * helper the server's own tests use). Reads the draft and never writes into it.
 */
async function anchorOnDraft(
  drafts: DraftDocuments,
  docName: string,
  quote: string,
): Promise<CommentAnchor> {
  const creation = anchorForQuote(await drafts.load(docName), quote);
  if (!creation.ok)
    throw new Error(`demo passage not in ${docName} (${creation.reason}): ${quote}`);
  return creation.anchor;
}
