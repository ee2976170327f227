import type { AccessChange } from '../collab/documentAccessPolicy';

/**
 * Carries "who may do what changed" from the use cases (a lock, a role change, a disabled
 * account, a consultation closing) to whoever holds open connections, so they re-decide
 * within the same turn instead of waiting for a reconnect.
 */
export class AccessChangeNotifier {
  private readonly listeners = new Set<(change: AccessChange) => void>();

  subscribe(listener: (change: AccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
