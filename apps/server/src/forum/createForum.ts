import type { Server as SocketIoServer } from 'socket.io';
import { FORUM_NAMESPACE } from '@atelier/protocol';
import type { ForumStore } from '@atelier/storage';
import type { DocumentRegistry } from '../collab/documentRegistry';
import type { Logger } from '../logging/logger';
import { LoginThrottle } from '../workspace/auth/loginThrottle';
import type { ForumDocumentAccess } from '../workspace/workspaceAccessPolicy';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import { DraftAccessNotices } from './draftAccessNotices';
import { ForumBroadcaster } from './forumBroadcaster';
import { createForumCollabAccess } from './forumCollabAccess';
import type { ForumNamespace } from './forumNamespace';
import { ForumRegistry } from './forumRegistry';
import { ForumService } from './forumService';
import { attachForumSockets } from './forumSockets';
import { forumGuestCookieName } from './guestCookie';
import type { LiveSessionListener } from './liveForumSession';
import { createMinutesDocuments } from './minutesDocument';

/** Wrong join codes one address may send in the window before it must wait (code guessing). */
const JOIN_CODE_FAILURES = 20;
const JOIN_CODE_WINDOW_MS = 10 * 60_000;

export interface Forum {
  readonly service: ForumService;
  /** The forum's say on `/collab`: minutes, and the drafts a running session opens to guests. */
  readonly collabAccess: ForumDocumentAccess;
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
  /** Like the session cookie: Secure (and `__Host-`) outside development. */
  readonly secureCookies: boolean;
}): Forum {
  const broadcaster = new ForumBroadcaster();
  const notices = new DraftAccessNotices((change) => options.context.accessChanges.notify(change));
  const listener: LiveSessionListener = {
    stateChanged: (live) => {
      broadcaster.stateChanged(live);
      notices.changed(live);
    },
    votesChanged: (live, pollId) => broadcaster.votesChanged(live, pollId),
    attendanceChanged: (live) => broadcaster.attendanceChanged(live),
    contributionChanged: (live, contribution) =>
      broadcaster.contributionChanged(live, contribution),
    definitionChanged: (live) => notices.changed(live),
  };
  const registry = new ForumRegistry(options.store, listener, (live) => notices.seen(live));
  const guestCookie = {
    name: forumGuestCookieName(options.secureCookies),
    secure: options.secureCookies,
  };
  const service = new ForumService({
    context: options.context,
    store: options.store,
    registry,
    minutes: createMinutesDocuments(options.context.documents, options.documents),
    joinThrottle: new LoginThrottle(JOIN_CODE_FAILURES, JOIN_CODE_WINDOW_MS),
    guestCookie,
  });
  let stopSockets: () => void = () => undefined;
  return {
    service,
    collabAccess: createForumCollabAccess({
      context: options.context,
      store: options.store,
      registry,
      guestCookieName: guestCookie.name,
    }),
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
