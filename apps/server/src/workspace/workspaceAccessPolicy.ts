import type { IncomingMessage } from 'node:http';
import { decideDraftAccess, type Commitment, type User } from '@atelier/domain';
import type {
  AccessDecision,
  CollabPrincipal,
  DocumentAccessPolicy,
} from '../collab/documentAccessPolicy';
import { actorOf } from './loadFacts';
import { readCookie } from './sessionCookie';
import type { WorkspaceContext } from './workspaceContext';

/**
 * What live forum sessions add to the collaboration endpoint (issue 7): their minutes, their
 * guests (who have no account, only a cookie set when they joined), and the drafts a running
 * session opens to the people it let in by code.
 */
export interface ForumDocumentAccess {
  /** The forum guest the upgrade request names (their cookie), or null. */
  authenticateGuest(request: IncomingMessage): Promise<CollabPrincipal | null>;
  /** The forum's decision on a document (minutes; anything a guest asks for), or null: not its. */
  decide(principal: CollabPrincipal | null, docName: string): Promise<AccessDecision | null>;
  /** A draft the draft rules refuse this person: what a running session grants them, or null. */
  grantDraft(user: User, commitment: Commitment): Promise<AccessDecision | null>;
}

/**
 * The collaboration server's access port, answered by the workspace: the session cookie names
 * the person, the commitment behind the document name gives the consultation, and the shared
 * permission rules decide edit / comment / view. Facts are re-read on every decision, so a
 * lock, a role change or a disabled account takes effect on the next notification.
 */
export function createWorkspaceAccessPolicy(
  context: WorkspaceContext,
  cookieName: string,
  forum?: ForumDocumentAccess,
): DocumentAccessPolicy {
  return {
    async authenticate(request: IncomingMessage): Promise<CollabPrincipal | null> {
      const token = readCookie(request, cookieName);
      const session = token ? await context.sessions.resolve(token) : null;
      // No account: perhaps a guest of a live forum session (the session cookie wins if both).
      if (!session) return forum ? forum.authenticateGuest(request) : null;
      const organisation = session.user.organisationId
        ? await context.store.organisations.findById(session.user.organisationId)
        : null;
      return {
        userId: session.user.id,
        displayName: session.user.displayName,
        ...(organisation ? { organisationName: organisation.name } : {}),
      };
    },

    async decideAccess(
      principal: CollabPrincipal | null,
      docName: string,
    ): Promise<AccessDecision> {
      const forumDecision = forum ? await forum.decide(principal, docName) : null;
      if (forumDecision) return forumDecision;
      const commitment = await context.store.commitments.findByDocName(docName);
      if (!commitment) return { denied: 'not_found' };
      const consultation = await context.store.consultations.findById(commitment.consultationId);
      if (!consultation) return { denied: 'not_found' };
      const user = principal ? await context.store.users.findById(principal.userId) : null;
      if (principal && !user) return { denied: 'forbidden' };
      const membership = user
        ? await context.store.memberships.find(consultation.id, user.id)
        : null;
      const decision = decideDraftAccess(actorOf(user), { consultation, membership, commitment });
      if ('denied' in decision) {
        const granted = user && forum ? await forum.grantDraft(user, commitment) : null;
        return granted ?? decision;
      }
      if (decision.access === 'view' || !user) return decision;
      // A muted person keeps reading but neither writes nor comments until the mute ends.
      const mute = await context.store.mutes.activeMute(
        consultation.id,
        user.id,
        context.now().toISOString(),
      );
      return mute ? { access: 'view', readOnlyReason: 'muted' } : decision;
    },

    onAccessChange: (listener) => context.accessChanges.subscribe(listener),
  };
}
