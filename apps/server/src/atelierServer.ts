import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import type { DocumentStore } from '@atelier/storage';
import type { CollabLimits } from './config/env';
import type { Logger } from './logging/logger';
import { createCollabMetrics } from './metrics/collabMetrics';
import { CollabEndpoint } from './collab/collabEndpoint';
import type { DocumentAccessPolicy } from './collab/documentAccessPolicy';
import { DocumentRegistry } from './collab/documentRegistry';
import { noDocumentTemplates, type DocumentTemplateSource } from './collab/documentTemplateSource';
import { createHttpApp } from './http/createHttpApp';

export interface AtelierServerOptions {
  readonly store: DocumentStore;
  readonly policy: DocumentAccessPolicy;
  readonly templates?: DocumentTemplateSource;
  readonly limits: CollabLimits;
  readonly publicOrigin: string;
  readonly logger: Logger;
}

export interface AtelierServer {
  readonly httpServer: HttpServer;
  readonly io: SocketIoServer;
  readonly collab: CollabEndpoint;
  readonly registry: DocumentRegistry;
  listen(port: number, host: string): Promise<number>;
  /** Stop accepting, persist everything, ask clients to reconnect, close. Does not close the store. */
  close(): Promise<void>;
}

/**
 * One HTTP server carrying Express (REST under /api), Socket.io (default path) and the Yjs
 * sync endpoint (/collab/<docName>). The caller owns the store and closes it after `close()`.
 */
export function createAtelierServer(options: AtelierServerOptions): AtelierServer {
  const { logger } = options;
  const metrics = createCollabMetrics();
  let ready = false;
  const app = createHttpApp({
    metrics,
    logger: logger.child({ component: 'http' }),
    isReady: () => ready,
  });
  const httpServer = createServer(app);
  // Our /collab upgrades may take a moment (identity, loading); Socket.io must not end them.
  const io = new SocketIoServer(httpServer, { destroyUpgrade: false, serveClient: false });
  const collabLogger = logger.child({ component: 'collab' });
  const registry = new DocumentRegistry(
    options.store,
    options.templates ?? noDocumentTemplates,
    options.limits.compactAfterUpdates,
    metrics,
    collabLogger,
  );
  const collab = new CollabEndpoint({
    httpServer,
    registry,
    policy: options.policy,
    limits: options.limits,
    publicOrigin: options.publicOrigin,
    metrics,
    logger: collabLogger,
  });

  return {
    httpServer,
    io,
    collab,
    registry,
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
      await collab.shutdown();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      httpServer.closeAllConnections();
    },
  };
}
