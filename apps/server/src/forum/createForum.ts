import type { Server as SocketIoServer } from 'socket.io';
import { FORUM_NAMESPACE } from '@atelier/protocol';
import type { ForumStore } from '@atelier/storage';
import type { DocumentRegistry } from '../collab/documentRegistry';
import type { Logger } from '../logging/logger';
import { LoginThrottle } from '../workspace/auth/loginThrottle';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import { ForumBroadcaster } from './forumBroadcaster';
import type { ForumNamespace } from './forumNamespace';
import { ForumRegistry } from './forumRegistry';
import { ForumService } from './forumService';
import { attachForumSockets } from './forumSockets';
import { createMinutesDocuments } from './minutesDocument';

/** Wrong join codes one address may send in the window before it must wait (code guessing). */
const JOIN_CODE_FAILURES = 20;
const JOIN_CODE_WINDOW_MS = 10 * 60_000;

export interface Forum {
  readonly service: ForumService;
  /** Opens the `/forum` namespace on the server's Socket.io (once the HTTP server exists). */
  attach(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's io carries the workspace's typed events
    io: SocketIoServer<any, any, any, any>,
    options: { cookieName: string; publicOrigin: string; logger: Logger },
  ): void;
  /** Waits for queued changes and stops pending notices; the store stays open. */
  close(): Promise<void>;
}

/** The live forum sessions (issue 7): store, registry, the `/forum` namespace and the REST use cases. */
export function createForum(options: {
  readonly context: WorkspaceContext;
  readonly store: ForumStore;
  readonly documents: DocumentRegistry;
}): Forum {
  const broadcaster = new ForumBroadcaster();
  const registry = new ForumRegistry(options.store, broadcaster);
  const service = new ForumService({
    context: options.context,
    store: options.store,
    registry,
    minutes: createMinutesDocuments(options.context.documents, options.documents),
    joinThrottle: new LoginThrottle(JOIN_CODE_FAILURES, JOIN_CODE_WINDOW_MS),
  });
  let stopSockets: () => void = () => undefined;
  return {
    service,
    attach: (io, socketOptions) => {
      const namespace = io.of(FORUM_NAMESPACE) as ForumNamespace;
      broadcaster.attach(namespace);
      stopSockets = attachForumSockets(namespace, service, socketOptions);
    },
    close: async () => {
      stopSockets();
      await registry.drain();
      broadcaster.stop();
    },
  };
}
