import type { IncomingMessage } from 'node:http';
import { decideDraftAccess } from '@atelier/domain';
import type {
  AccessDecision,
  CollabPrincipal,
  DocumentAccessPolicy,
} from '../collab/documentAccessPolicy';
import { actorOf } from './loadFacts';
import { readCookie } from './sessionCookie';
import type { WorkspaceContext } from './workspaceContext';

/**
 * The collaboration server's access port, answered by the workspace: the session cookie names
 * the person, the commitment behind the document name gives the consultation, and the shared
 * permission rules decide edit / comment / view. Facts are re-read on every decision, so a
 * lock, a role change or a disabled account takes effect on the next notification.
 */
export function createWorkspaceAccessPolicy(
  context: WorkspaceContext,
  cookieName: string,
  /** Documents other than drafts (a forum's minutes): a decision, or null for "not mine". */
  otherDocuments?: (
    principal: CollabPrincipal | null,
    docName: string,
  ) => Promise<AccessDecision | null>,
): DocumentAccessPolicy {
  return {
    async authenticate(request: IncomingMessage): Promise<CollabPrincipal | null> {
      const token = readCookie(request, cookieName);
      const session = token ? await context.sessions.resolve(token) : null;
      if (!session) return null;
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
      const other = otherDocuments ? await otherDocuments(principal, docName) : null;
      if (other) return other;
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
      if ('denied' in decision || decision.access === 'view' || !user) return decision;
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
