import type { IncomingMessage } from 'node:http';
import type { Commitment, User } from '@atelier/domain';
import type { ForumStore } from '@atelier/storage';
import type { AccessDecision, CollabPrincipal } from '../collab/documentAccessPolicy';
import { readCookie } from '../workspace/sessionCookie';
import type { ForumDocumentAccess } from '../workspace/workspaceAccessPolicy';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { ForumRegistry } from './forumRegistry';
import { hashGuestToken } from './forumSecrets';
import { decideMinutesAccess } from './minutesAccess';
import { draftsOpenedBySession } from './sessionDrafts';

/** Longer than any token we issue (43 characters): not worth a store look-up. */
const MAX_GUEST_TOKEN_LENGTH = 128;

/** What people let in by code may do with the drafts of a running session: read them. */
const SESSION_READER: AccessDecision = { access: 'view', readOnlyReason: 'role_view_only' };

/**
 * The forum's part in who may open what on `/collab`: the minutes (see minutesAccess), and the
 * drafts a live or paused session works on (agenda, spotlight, breakout groups) for its guests
 * and for the signed-in people who joined it by code, read-only. Guests have no account, so
 * comments (which need one) stay closed to them; nothing else of the consultation opens. Every
 * answer reads the session's state as it is now, so the end of a session (or a spotlight
 * moving on) applies to open connections when the forum announces the change.
 */
export function createForumCollabAccess(deps: {
  readonly context: WorkspaceContext;
  readonly store: ForumStore;
  readonly registry: ForumRegistry;
  readonly guestCookieName: string;
}): ForumDocumentAccess {
  const { context, store, registry } = deps;

  async function opensDraft(sessionId: string, commitment: Commitment): Promise<boolean> {
    const live = await registry.get(sessionId);
    if (!live) return false;
    const opened =
      live.session.consultationId === commitment.consultationId &&
      draftsOpenedBySession(live.session, live.state).has(commitment.id);
    registry.release(live);
    return opened;
  }

  return {
    async authenticateGuest(request: IncomingMessage): Promise<CollabPrincipal | null> {
      const token = readCookie(request, deps.guestCookieName);
      if (!token || token.length > MAX_GUEST_TOKEN_LENGTH) return null;
      const guest = await store.findParticipantByGuestTokenHash(hashGuestToken(token));
      if (!guest || guest.role !== 'guest') return null;
      return {
        userId: `forum-guest:${guest.id}`,
        displayName: guest.displayName,
        forumGuest: { sessionId: guest.sessionId, participantId: guest.id },
      };
    },

    async decide(principal, docName) {
      const minutes = await decideMinutesAccess(context, store, principal, docName);
      if (minutes) return minutes;
      if (!principal?.forumGuest) return null;
      // A guest exists only within their session: the draft rules do not know them.
      const commitment = await context.store.commitments.findByDocName(docName);
      if (!commitment) return { denied: 'not_found' };
      return (await opensDraft(principal.forumGuest.sessionId, commitment))
        ? SESSION_READER
        : { denied: 'forbidden' };
    },

    async grantDraft(user: User, commitment: Commitment) {
      if (user.disabled) return null;
      for (const { session } of await store.listSessions(commitment.consultationId)) {
        // Only those who came in by code: a member removed from the consultation leaves with it.
        const participant = await store.findParticipantByUser(session.id, user.id);
        if (participant?.role !== 'signed_in') continue;
        if (await opensDraft(session.id, commitment)) return SESSION_READER;
      }
      return null;
    },
  };
}
