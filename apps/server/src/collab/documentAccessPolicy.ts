import type { IncomingMessage } from 'node:http';
import type { DocumentAccess, ReadOnlyReason } from '@atelier/domain';

/** Who is on the other end of a connection, as the server knows them (never as the client claims). */
export interface CollabPrincipal {
  /** Stable id; signed-out visitors get an id of their own per connection. */
  readonly userId: string;
  readonly displayName: string;
  readonly organisationName?: string;
  /** A live forum's guest (no account): `userId` is then `forum-guest:<participantId>`. */
  readonly forumGuest?: { readonly sessionId: string; readonly participantId: string };
}

export type AccessDecision =
  | { readonly access: DocumentAccess; readonly readOnlyReason?: ReadOnlyReason }
  | { readonly denied: 'unauthenticated' | 'forbidden' | 'not_found' };

/** What changed, so that only the connections concerned are re-evaluated. */
export type AccessChange =
  | { readonly scope: 'document'; readonly docName: string }
  | { readonly scope: 'user'; readonly userId: string }
  | { readonly scope: 'all' };

/**
 * Port: "who is calling, and what may they do on this document". The collaboration server
 * asks it at the upgrade and again whenever it announces a change, so a lock, a role change
 * or a disabled account reaches open connections without a reconnect.
 */
export interface DocumentAccessPolicy {
  /** Resolves the caller from the upgrade request (cookies, headers); null when signed out. */
  authenticate(request: IncomingMessage): Promise<CollabPrincipal | null>;
  decideAccess(principal: CollabPrincipal | null, docName: string): Promise<AccessDecision>;
  /** Registers a listener for access changes; returns the function that unregisters it. */
  onAccessChange(listener: (change: AccessChange) => void): () => void;
}

export function isDenied(
  decision: AccessDecision,
): decision is Extract<AccessDecision, { denied: string }> {
  return 'denied' in decision;
}
