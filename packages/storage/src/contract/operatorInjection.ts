import type { WorkspaceStore } from '../workspace/workspaceStore';
import { daysFromNow } from './workspaceFactories';

/** What a value from the network could be if nothing checked it: a MongoDB query operator. */
export const OPERATOR_INJECTION = { $ne: null } as unknown as string;

/**
 * One call per store method that takes a key, each with an operator object where a string
 * belongs. Every one must reject with a TypeError before any query is built: the contract
 * checks that against seeded data, and the MongoDB tests also without a server.
 * `validTokenHash` is a token that exists, so the malformed `acceptedAt` is what is tested.
 */
export function operatorInjectionCalls(
  store: WorkspaceStore,
  validTokenHash = 'sha256-valide',
): (() => Promise<unknown>)[] {
  const hostile = OPERATOR_INJECTION;
  return [
    () => store.users.findById(hostile),
    () => store.users.findByEmail(hostile),
    () => store.users.findCredentialsByEmail(hostile),
    () => store.users.update(hostile, { disabled: true }),
    () => store.users.listByIds([hostile]),
    () => store.users.linkExternalIdentity(hostile, 'https://idp.example', 'subject'),
    () => store.users.findByExternalIdentity(hostile, hostile),
    () => store.organisations.findById(hostile),
    () => store.organisations.listByIds([hostile]),
    () => store.consultations.findById(hostile),
    () => store.consultations.findBySlug(hostile),
    () => store.consultations.update(hostile, { updatedAt: daysFromNow(0) }),
    () => store.memberships.find(hostile, hostile),
    () => store.memberships.remove(hostile, hostile),
    () => store.memberships.listByConsultation(hostile),
    () => store.memberships.listByUser(hostile),
    () => store.commitments.findById(hostile),
    () => store.commitments.findByDocName(hostile),
    () => store.commitments.listByConsultation(hostile),
    () => store.commitments.maxNumber(hostile),
    () => store.commitments.update(hostile, { locked: true, updatedAt: daysFromNow(0) }),
    () => store.commitments.delete(hostile),
    () => store.invitations.findByTokenHash(hostile),
    () => store.invitations.consume(hostile, daysFromNow(0)),
    () => store.invitations.consume(validTokenHash, hostile),
    () => store.invitations.listByConsultation(hostile),
    () => store.sessions.findByIdHash(hostile),
    () => store.sessions.touch(hostile, daysFromNow(0)),
    () => store.sessions.delete(hostile),
    () => store.sessions.deleteByUser(hostile),
    () => store.sessions.deleteExpired(hostile, hostile),
    () => store.audit.listByConsultation(hostile, 10),
    () => store.audit.listByConsultation('consultation-valide', hostile as unknown as number),
    () => store.commentRounds.findById(hostile),
    () => store.commentRounds.listByConsultation(hostile),
    () => store.commentRounds.update(hostile, { title: 'Tour' }),
    () => store.commentThreads.findThread(hostile),
    () => store.commentThreads.findThreadWithComments(hostile),
    () => store.commentThreads.setThreadStatus(hostile, { status: 'open' }),
    () => store.commentThreads.findComment(hostile),
    () => store.commentThreads.findRootComment(hostile),
    () =>
      store.commentThreads.editComment(hostile, {
        body: 'x',
        mentions: [],
        editedAt: daysFromNow(0),
      }),
    () => store.commentThreads.deleteComment(hostile, daysFromNow(0)),
    () => store.commentThreads.setCommentHidden(hostile, null),
    () => store.commentThreads.listByCommitment(hostile),
    () => store.commentThreads.listByRound(hostile),
    () => store.commentThreads.listByConsultation(hostile),
    () => store.commentThreads.removeReaction(hostile, hostile),
    () => store.commentThreads.listReactions([hostile]),
    () => store.commentThreads.findResponse(hostile),
    () => store.flags.findById(hostile),
    () => store.flags.listOpenByConsultation(hostile),
    () => store.flags.markHandled(hostile, daysFromNow(0)),
    () => store.flags.markHandledByComment(hostile, daysFromNow(0)),
    () => store.mutes.remove(hostile, hostile),
    () => store.mutes.activeMute(hostile, hostile, daysFromNow(0)),
    () => store.mutes.activeMute('consultation-valide', 'user-valide', hostile),
    () => store.mutes.listActiveByConsultation(hostile, daysFromNow(0)),
    () => store.moderationLog.listByConsultation(hostile, 10),
  ];
}
