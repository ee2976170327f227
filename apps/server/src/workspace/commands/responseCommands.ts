import type { ThreadResponse, ThreadResponseInput, User } from '@atelier/domain';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';
import { emitThreadChanged } from '../workspaceEvents';
import {
  authorizeThread,
  loadThreadFacts,
  resolvedListingOfThread,
  threadNotFound,
  type CommentServices,
  type ThreadListing,
} from './threadCommands';

/**
 * What facilitators and the lead organisations do with a thread: resolve it, reopen it, and
 * record the reasoned response (OGP co-creation standard 4). Allowed in the response phase too,
 * after the round has closed.
 */
export async function setThreadResolved(
  context: WorkspaceContext,
  services: CommentServices,
  user: User | null,
  threadId: string,
  resolved: boolean,
): Promise<ThreadListing> {
  const facts = await loadThreadFacts(context, user, threadId);
  authorizeThread(user, resolved ? 'thread.resolve' : 'thread.reopen', facts);
  // Resolving a resolved thread (or reopening an open one) keeps it as it is.
  if ((facts.thread.status === 'resolved') !== resolved) {
    const updated = await context.store.commentThreads.setThreadStatus(
      threadId,
      resolved
        ? { status: 'resolved', resolvedBy: user!.id, resolvedAt: facts.now }
        : { status: 'open' },
    );
    if (!updated) throw threadNotFound();
    emitThreadChanged(context.events, updated);
  }
  return resolvedListingOfThread(context, services, user, facts);
}

export async function respondToThread(
  context: WorkspaceContext,
  services: CommentServices,
  user: User | null,
  threadId: string,
  input: ThreadResponseInput,
): Promise<ThreadListing> {
  const facts = await loadThreadFacts(context, user, threadId);
  authorizeThread(user, 'thread.respond', facts);
  const response: ThreadResponse = {
    threadId,
    disposition: input.disposition,
    reason: input.reason,
    respondedBy: user!.id,
    respondedAt: facts.now,
    draftVersion: input.draftVersion ?? null,
  };
  const previous = await context.store.commentThreads.setResponse(response);
  await recordAudit(context, {
    consultationId: facts.thread.consultationId,
    actor: user,
    action: 'thread.responded',
    target: `thread:${threadId}`,
    details: {
      disposition: response.disposition,
      previousDisposition: previous?.disposition ?? null,
      draftVersion: response.draftVersion,
    },
  });
  emitThreadChanged(context.events, facts.thread);
  return resolvedListingOfThread(context, services, user, facts);
}
