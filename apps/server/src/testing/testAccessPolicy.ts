import type { IncomingMessage } from 'node:http';
import type { DocumentAccess, ReadOnlyReason } from '@atelier/domain';
import type {
  AccessChange,
  AccessDecision,
  CollabPrincipal,
  DocumentAccessPolicy,
} from '../collab/documentAccessPolicy';

/**
 * A policy written for the tests: callers name themselves with a `user` query parameter and the
 * test grants rights per (user, document). Changing a grant notifies the server like the real
 * workspace policy will.
 */
export class TestAccessPolicy implements DocumentAccessPolicy {
  private readonly grants = new Map<
    string,
    { access: DocumentAccess; readOnlyReason?: ReadOnlyReason }
  >();
  private readonly listeners = new Set<(change: AccessChange) => void>();
  private defaultAccess: DocumentAccess | null = 'edit';

  async authenticate(request: IncomingMessage): Promise<CollabPrincipal | null> {
    const user = new URL(request.url ?? '/', 'http://localhost').searchParams.get('user');
    return user
      ? { userId: user, displayName: `Name of ${user}`, organisationName: 'Test org' }
      : null;
  }

  async decideAccess(principal: CollabPrincipal | null, docName: string): Promise<AccessDecision> {
    if (!principal) return { denied: 'unauthenticated' };
    const grant = this.grants.get(key(principal.userId, docName));
    if (grant) return grant;
    return this.defaultAccess ? { access: this.defaultAccess } : { denied: 'forbidden' };
  }

  onAccessChange(listener: (change: AccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sets what signed-in users without a specific grant may do (null: nothing). */
  setDefault(access: DocumentAccess | null): void {
    this.defaultAccess = access;
  }

  grant(
    userId: string,
    docName: string,
    access: DocumentAccess,
    readOnlyReason?: ReadOnlyReason,
  ): void {
    this.grants.set(key(userId, docName), {
      access,
      ...(readOnlyReason ? { readOnlyReason } : {}),
    });
    this.notify({ scope: 'user', userId });
  }

  revoke(userId: string, docName: string): void {
    this.grants.delete(key(userId, docName));
    this.notify({ scope: 'user', userId });
  }

  /** Locks a document for everyone but `editors`. */
  lockDocument(docName: string, userIds: readonly string[]): void {
    for (const userId of userIds)
      this.grants.set(key(userId, docName), { access: 'view', readOnlyReason: 'draft_locked' });
    this.notify({ scope: 'document', docName });
  }

  private notify(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function key(userId: string, docName: string): string {
  return `${userId}\u0000${docName}`;
}
