import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import type { DocumentStore, ForumStore, WorkspaceStore } from '@atelier/storage';
import type { CollabLimits } from './config/env';
import type { Logger } from './logging/logger';
import { createCollabMetrics } from './metrics/collabMetrics';
import { CollabEndpoint } from './collab/collabEndpoint';
import { createClosedAccessPolicy } from './collab/closedAccessPolicy';
import type { DocumentAccessPolicy } from './collab/documentAccessPolicy';
import { DocumentRegistry } from './collab/documentRegistry';
import { noDocumentTemplates, type DocumentTemplateSource } from './collab/documentTemplateSource';
import { createForum } from './forum/createForum';
import type { ForumService } from './forum/forumService';
import { createHttpApp } from './http/createHttpApp';
import { storedDraftDocuments, type DraftDocuments } from './workspace/commands/threadCommands';
import { DraftPresenceRelay } from './realtime/draftPresenceRelay';
import { attachNotificationSockets } from './realtime/notificationSockets';
import { attachWorkspaceSockets, type WorkspaceSocketServer } from './realtime/workspaceSockets';
import { buildApiRoutes } from './http/routes/apiRoutes';
import { AccessChangeNotifier } from './workspace/accessChangeNotifier';
import { LoginThrottle } from './workspace/auth/loginThrottle';
import { SessionService } from './workspace/auth/sessionService';
import type { InvitationMailer } from './workspace/invitationMailer';
import type { OidcProviderConfig } from './workspace/oidc/oidcProviderConfig';
import { ReadModelUpdater } from './workspace/readModelUpdater';
import { sessionCookieName } from './workspace/sessionCookie';
import { createWorkspaceAccessPolicy } from './workspace/workspaceAccessPolicy';
import { defaultIdGenerator, type WorkspaceContext } from './workspace/workspaceContext';
import { WorkspaceEvents } from './workspace/workspaceEvents';

const SOCKET_MAX_MESSAGE_BYTES = 16 * 1024;
/** How long an idle keep-alive HTTP connection stays open. */
const HTTP_KEEP_ALIVE_MS = 65_000;

/** How many more failed sign-ins one address may make than one account. */
const ADDRESS_FAILURE_MULTIPLIER = 10;

export interface WorkspaceOptions {
  readonly store: WorkspaceStore;
  readonly sessions: {
    readonly idleMs: number;
    readonly absoluteMs: number;
    readonly secureCookies: boolean;
  };
  readonly loginThrottle: { readonly maxFailures: number; readonly windowMs: number };
  readonly mailer?: InvitationMailer | null;
  readonly apiRequestsPerMinute: number;
  /** Sign-in with ProConnect / FranceConnect; none configured means password sign-in only. */
  readonly oidcProviders?: readonly OidcProviderConfig[];
  /** Live forum sessions (issue 7); without it the forum's REST routes and namespace are off. */
  readonly forum?: ForumStore;
}

export interface AtelierServerOptions {
  readonly documents: DocumentStore;
  /** Accounts, consultations and roles; without it only the collaboration endpoint runs. */
  readonly workspace?: WorkspaceOptions;
  /** Overrides who may open which document (tests, benchmarks); defaults to the workspace rules. */
  readonly policy?: DocumentAccessPolicy;
  readonly templates?: DocumentTemplateSource;
  readonly limits: CollabLimits;
  readonly publicOrigin: string;
  readonly logger: Logger;
  /** The built web client to serve (apps/web/dist), when there is one. */
  readonly webRoot?: string | null;
}

export interface AtelierServer {
  readonly httpServer: HttpServer;
  readonly io: WorkspaceSocketServer;
  readonly collab: CollabEndpoint;
  readonly registry: DocumentRegistry;
  readonly workspace: WorkspaceContext | null;
  /** The forum's use cases (scheduling sessions, for the demo loader); null without a forum store. */
  readonly forum: ForumService | null;
  listen(port: number, host: string): Promise<number>;
  /** Stop accepting, persist everything, ask clients to reconnect, close. Does not close the store. */
  close(): Promise<void>;
}

/**
 * One HTTP server carrying Express (REST under /api), Socket.io (default path) and the Yjs
 * sync endpoint (/collab/<docName>). The caller owns the stores and closes them after `close()`.
 */
export function createAtelierServer(options: AtelierServerOptions): AtelierServer {
  const { logger } = options;
  const metrics = createCollabMetrics();
  let ready = false;

  const workspace = options.workspace ? buildWorkspaceContext(options, options.workspace) : null;
  const cookieName = sessionCookieName(options.workspace?.sessions.secureCookies ?? false);
  const collabLogger = logger.child({ component: 'collab' });
  const readModels = workspace ? new ReadModelUpdater(workspace) : null;
  const registry = new DocumentRegistry(
    options.documents,
    options.templates ?? noDocumentTemplates,
    options.limits.compactAfterUpdates,
    metrics,
    collabLogger,
    readModels
      ? (room, contributorIds) => readModels.documentChanged(room, contributorIds)
      : undefined,
  );
  const forum =
    workspace && options.workspace?.forum
      ? createForum({
          context: workspace,
          store: options.workspace.forum,
          documents: registry,
          secureCookies: options.workspace.sessions.secureCookies,
        })
      : null;
  const app = createHttpApp({
    metrics,
    logger: logger.child({ component: 'http' }),
    isReady: () => ready,
    publicOrigin: options.publicOrigin,
    webRoot: options.webRoot ?? null,
    ...(workspace && options.workspace
      ? {
          api: {
            routes: buildApiRoutes(
              workspace,
              {
                name: cookieName,
                secure: options.workspace.sessions.secureCookies,
                maxAgeMs: options.workspace.sessions.absoluteMs,
              },
              options.workspace.oidcProviders ?? [],
              liveOrStoredDrafts(registry, options.documents),
              forum?.service,
            ),
            sessions: workspace.sessions,
            cookieName,
            requestsPerMinute: options.workspace.apiRequestsPerMinute,
          },
        }
      : {}),
  });
  const httpServer = createServer(app);
  // Clients and proxies reuse idle keep-alive connections: if the server closed them first (Node's
  // default is 5 s) a request sent at that moment fails with ECONNRESET. Idle longer than the
  // usual 60 s of proxies and browsers, and let the headers timeout exceed it as Node requires.
  httpServer.keepAliveTimeout = HTTP_KEEP_ALIVE_MS;
  httpServer.headersTimeout = HTTP_KEEP_ALIVE_MS + 1_000;
  // Our /collab upgrades may take a moment (identity, loading); Socket.io must not end them.
  const io: WorkspaceSocketServer = new SocketIoServer(httpServer, {
    destroyUpgrade: false,
    serveClient: false,
    // Socket.io only carries small notices; the documents travel on /collab.
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES,
  });
  const presence = workspace
    ? new DraftPresenceRelay(
        workspace,
        (docName) => registry.loadedRoom(docName)?.presentPeople() ?? [],
      )
    : null;
  if (workspace && presence) {
    presence.attach(io);
    attachWorkspaceSockets(io, workspace, {
      cookieName,
      publicOrigin: options.publicOrigin,
      logger: logger.child({ component: 'realtime' }),
      presence,
    });
    attachNotificationSockets(io, workspace, logger.child({ component: 'realtime' }));
    forum?.attach(io, {
      cookieName,
      publicOrigin: options.publicOrigin,
      logger: logger.child({ component: 'forum' }),
    });
  }
  const policy =
    options.policy ??
    (workspace
      ? createWorkspaceAccessPolicy(workspace, cookieName, forum?.collabAccess)
      : createClosedAccessPolicy());
  const collab = new CollabEndpoint({
    httpServer,
    registry,
    policy,
    limits: options.limits,
    publicOrigin: options.publicOrigin,
    metrics,
    logger: collabLogger,
    ...(presence
      ? { onPresenceChanged: (docName: string) => presence.presenceChanged(docName) }
      : {}),
  });

  return {
    httpServer,
    io,
    collab,
    registry,
    workspace,
    forum: forum?.service ?? null,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          ready = true;
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      ready = false;
      httpServer.close();
      // Queued forum changes finish first: ending a session still writes to its minutes.
      await forum?.close();
      await collab.shutdown();
      await readModels?.flush();
      presence?.stop();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      httpServer.closeAllConnections();
    },
  };
}

/**
 * Drafts for the comment use cases: the live document when someone has it open (it may hold text
 * typed a moment ago that an anchor points at), the stored one otherwise.
 */
function liveOrStoredDrafts(registry: DocumentRegistry, documents: DocumentStore): DraftDocuments {
  const stored = storedDraftDocuments(documents);
  return {
    load: async (docName) => {
      const room = registry.loadedRoom(docName);
      return room && !room.isDestroyed ? room.doc : stored.load(docName);
    },
  };
}

function buildWorkspaceContext(
  options: AtelierServerOptions,
  workspace: WorkspaceOptions,
): WorkspaceContext {
  return {
    store: workspace.store,
    documents: options.documents,
    sessions: new SessionService(workspace.store, workspace.sessions),
    loginThrottles: {
      perEmail: new LoginThrottle(
        workspace.loginThrottle.maxFailures,
        workspace.loginThrottle.windowMs,
      ),
      // Many honest people can share one address (an administration's proxy): a looser limit.
      perAddress: new LoginThrottle(
        workspace.loginThrottle.maxFailures * ADDRESS_FAILURE_MULTIPLIER,
        workspace.loginThrottle.windowMs,
      ),
    },
    accessChanges: new AccessChangeNotifier(),
    events: new WorkspaceEvents(),
    mailer: workspace.mailer ?? null,
    publicOrigin: options.publicOrigin,
    logger: options.logger.child({ component: 'workspace' }),
    now: () => new Date(),
    newId: defaultIdGenerator,
  };
}
