import type { CommentThread } from '@atelier/domain';

/**
 * What happened in the workspace that open pages should learn about without reloading
 * (a commitment's title, status, lock or draft summary changed). Use cases and the read-model
 * updater emit; the Socket.io layer relays to the consultation's watchers.
 */
export interface WorkspaceEventMap {
  commitmentChanged: { readonly consultationId: string; readonly commitmentId: string };
  /** A comment thread changed (comments, resolution, response, moderation): see {@link emitThreadChanged}. */
  threadChanged: {
    readonly consultationId: string;
    readonly commitmentId: string;
    readonly threadId: string;
  };
  /** These people have at least one new notification (see notifications/deliverNotifications.ts). */
  notificationsAdded: { readonly userIds: readonly string[] };
}

type Listener<K extends keyof WorkspaceEventMap> = (event: WorkspaceEventMap[K]) => void;

export class WorkspaceEvents {
  private readonly listeners: { [K in keyof WorkspaceEventMap]: Set<Listener<K>> } = {
    commitmentChanged: new Set(),
    threadChanged: new Set(),
    notificationsAdded: new Set(),
  };

  on<K extends keyof WorkspaceEventMap>(name: K, listener: Listener<K>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  emit<K extends keyof WorkspaceEventMap>(name: K, event: WorkspaceEventMap[K]): void {
    for (const listener of this.listeners[name]) listener(event);
  }
}

/** What comment use cases call after changing a thread; watchers of the consultation hear it. */
export function emitThreadChanged(
  events: WorkspaceEvents,
  thread: Pick<CommentThread, 'id' | 'consultationId' | 'commitmentId'>,
): void {
  events.emit('threadChanged', {
    consultationId: thread.consultationId,
    commitmentId: thread.commitmentId,
    threadId: thread.id,
  });
}
