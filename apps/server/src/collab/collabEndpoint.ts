import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { validateAwarenessUpdate } from '@atelier/collab';
import { mayEditText } from '@atelier/domain';
import { COLLAB_PATH_PREFIX, CollabCloseCode, DOC_NAME_PATTERN } from '@atelier/protocol';
import type { CollabLimits } from '../config/env';
import type { Logger } from '../logging/logger';
import type { CollabMetrics } from '../metrics/collabMetrics';
import { CollabConnection } from './collabConnection';
import { parseCollabFrame } from './collabFrame';
import { encodeEditsRefusedMessage } from './outgoingMessages';
import type { AccessChange, DocumentAccessPolicy } from './documentAccessPolicy';
import { isDenied } from './documentAccessPolicy';
import type { DocumentRegistry } from './documentRegistry';
import type { DocumentRoom } from './documentRoom';

export interface CollabEndpointOptions {
  readonly httpServer: HttpServer;
  readonly registry: DocumentRegistry;
  readonly policy: DocumentAccessPolicy;
  readonly limits: CollabLimits;
  readonly publicOrigin: string;
  readonly metrics: CollabMetrics;
  readonly logger: Logger;
  /** Told when someone opens or leaves a document, or their access to it changes. */
  readonly onPresenceChanged?: (docName: string) => void;
}

const DENIAL_STATUS = { unauthenticated: 401, forbidden: 403, not_found: 404 } as const;

/**
 * The `/collab/<docName>` WebSocket endpoint: admission at the upgrade (origin, identity,
 * access, limits), then one dispatcher per connection that validates every frame before the
 * room sees it. Other upgrade paths (Socket.io) are left alone.
 */
export class CollabEndpoint {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<CollabConnection>();
  private readonly roomOf = new Map<CollabConnection, DocumentRoom>();
  private acceptingConnections = true;
  private readonly stopListeningToPolicy: () => void;

  constructor(private readonly options: CollabEndpointOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.limits.maxMessageBytes,
      perMessageDeflate: false,
    });
    options.httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!request.url?.startsWith(COLLAB_PATH_PREFIX)) return;
      socket.on('error', () => socket.destroy());
      this.handleUpgrade(request, socket, head).catch((error: unknown) => {
        options.logger.error({ err: error }, 'collab upgrade failed');
        refuseUpgrade(socket, 503, 'unavailable');
      });
    });
    this.stopListeningToPolicy = options.policy.onAccessChange((change) => {
      void this.reviewAccess(change);
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Refuses new connections, writes everything pending, then asks every client to reconnect. */
  async shutdown(): Promise<void> {
    this.acceptingConnections = false;
    this.stopListeningToPolicy();
    await this.options.registry.flusher.drain();
    for (const connection of this.connections) {
      connection.close(CollabCloseCode.ServiceRestart, 'server shutting down');
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const { logger, limits, policy, registry } = this.options;
    const docName = parseDocName(request.url ?? '');
    if (!docName) return refuseUpgrade(socket, 400, 'invalid_document_name');
    // Browsers always send Origin; a foreign one is cross-site WebSocket hijacking.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== this.options.publicOrigin) {
      logger.warn({ origin, docName }, 'collab upgrade from a foreign origin refused');
      return refuseUpgrade(socket, 403, 'origin_not_allowed');
    }
    if (!this.acceptingConnections) return refuseUpgrade(socket, 503, 'server_restarting');
    if (this.connections.size >= limits.maxConnections) {
      return refuseUpgrade(socket, 503, 'too_many_connections');
    }

    const principal = await policy.authenticate(request);
    const decision = await policy.decideAccess(principal, docName);
    if (isDenied(decision)) {
      return refuseUpgrade(socket, DENIAL_STATUS[decision.denied], decision.denied);
    }

    let room = await registry.acquire(docName);
    while (room.isDestroyed) room = await registry.acquire(docName);
    if (room.connections.size >= limits.maxConnectionsPerDocument) {
      return refuseUpgrade(socket, 503, 'too_many_connections');
    }
    if (!this.acceptingConnections || socket.destroyed)
      return refuseUpgrade(socket, 503, 'server_restarting');

    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new CollabConnection(
        ws,
        socket,
        docName,
        principal,
        decision.access,
        decision.readOnlyReason,
        limits,
        this.options.metrics,
        logger,
      );
      this.attach(connection, ws, room);
    });
  }

  private attach(connection: CollabConnection, ws: WebSocket, room: DocumentRoom): void {
    const { metrics } = this.options;
    this.connections.add(connection);
    this.roomOf.set(connection, room);
    metrics.connections.inc();
    ws.on('message', (data: RawData, isBinary: boolean) => {
      this.onMessage(connection, room, data, isBinary);
    });
    ws.on('close', () => {
      connection.markClosed();
      if (this.connections.delete(connection)) metrics.connections.dec();
      this.roomOf.delete(connection);
      room.remove(connection);
      this.options.onPresenceChanged?.(connection.docName);
    });
    ws.on('error', (error) => {
      // `ws` reports oversized frames here and then closes with 1009 on its own.
      this.options.logger.warn({ err: error, connectionId: connection.id }, 'collab socket error');
      metrics.rejectedMessages.inc({ reason: 'socket_error' });
    });
    room.admit(connection);
    this.options.onPresenceChanged?.(connection.docName);
  }

  private onMessage(
    connection: CollabConnection,
    room: DocumentRoom,
    data: RawData,
    isBinary: boolean,
  ): void {
    if (!connection.isOpen) return;
    const { metrics } = this.options;
    const bytes = toUint8Array(data);
    metrics.bytesReceived.inc(bytes.byteLength);
    if (!connection.admitIncoming(bytes.byteLength)) {
      return this.reject(
        connection,
        CollabCloseCode.RateLimited,
        'rate_limited',
        'message or byte rate exceeded',
      );
    }
    if (!isBinary) {
      return this.reject(connection, CollabCloseCode.MalformedMessage, 'text_frame', 'text frame');
    }
    const parsed = parseCollabFrame(bytes);
    if (!parsed.ok) {
      return this.reject(
        connection,
        CollabCloseCode.MalformedMessage,
        'malformed_frame',
        parsed.detail,
      );
    }
    const frame = parsed.frame;
    switch (frame.kind) {
      case 'sync-step-1':
        room.requestSync(connection, frame.stateVector);
        return;
      case 'sync-step-2':
      case 'update': {
        // Read-only connections are told once at admission; their content is dropped unread.
        if (!mayEditText(connection.access)) {
          metrics.rejectedMessages.inc({ reason: 'read_only_write' });
          // An empty sync reply (nothing to add) is not an edit; anything else is, and the client
          // must drop it rather than send it again when it may edit.
          if (!isEmptyUpdate(frame.update) && !connection.editsRefusedNotified) {
            connection.editsRefusedNotified = true;
            connection.send(
              encodeEditsRefusedMessage(
                connection.readOnlyReason ? { readOnlyReason: connection.readOnlyReason } : {},
              ),
            );
          }
          return;
        }
        const result = room.applyClientUpdate(connection, frame.update);
        if (!result.ok)
          this.reject(connection, CollabCloseCode.InvalidUpdate, result.reason, result.detail);
        return;
      }
      case 'awareness': {
        if (!connection.admitAwareness()) {
          return this.reject(
            connection,
            CollabCloseCode.RateLimited,
            'awareness_flood',
            'awareness rate exceeded',
          );
        }
        const validation = validateAwarenessUpdate(frame.update);
        if (!validation.ok) {
          return this.reject(
            connection,
            CollabCloseCode.AwarenessViolation,
            `awareness_${validation.reason}`,
            validation.detail,
          );
        }
        const applied = room.applyAwareness(connection, validation.entries);
        if (!applied.ok)
          this.reject(
            connection,
            CollabCloseCode.AwarenessViolation,
            `awareness_${applied.reason}`,
            applied.detail,
          );
        return;
      }
      case 'query-awareness':
        if (!connection.admitAwareness()) {
          return this.reject(
            connection,
            CollabCloseCode.RateLimited,
            'awareness_flood',
            'awareness rate exceeded',
          );
        }
        room.requestAwareness(connection);
        return;
    }
  }

  private reject(
    connection: CollabConnection,
    code: CollabCloseCode,
    reason: string,
    detail: string,
  ): void {
    this.options.metrics.rejectedMessages.inc({ reason });
    connection.close(code, `${reason}: ${detail}`);
  }

  /** Re-decides access for the connections a change concerns, without making them reconnect. */
  private async reviewAccess(change: AccessChange): Promise<void> {
    const concerned = [...this.connections].filter((connection) => isConcerned(connection, change));
    await Promise.all(
      concerned.map(async (connection) => {
        const decision = await this.options.policy.decideAccess(
          connection.principal,
          connection.docName,
        );
        const room = this.roomOf.get(connection);
        if (!connection.isOpen || !room) return;
        if (isDenied(decision)) {
          connection.close(CollabCloseCode.AccessRevoked, `access ${decision.denied}`);
          return;
        }
        if (
          decision.access !== connection.access ||
          decision.readOnlyReason !== connection.readOnlyReason
        ) {
          room.changeAccess(connection, decision.access, decision.readOnlyReason);
          this.options.onPresenceChanged?.(connection.docName);
        }
      }),
    );
  }
}

function isConcerned(connection: CollabConnection, change: AccessChange): boolean {
  switch (change.scope) {
    case 'all':
      return true;
    case 'document':
      return connection.docName === change.docName;
    case 'user':
      return connection.principal?.userId === change.userId;
  }
}

function parseDocName(url: string): string | null {
  const pathname = url.split('?', 1)[0] ?? '';
  let docName: string;
  try {
    docName = decodeURIComponent(pathname.slice(COLLAB_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return DOC_NAME_PATTERN.test(docName) ? docName : null;
}

function refuseUpgrade(socket: Duplex, status: number, code: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message: code.replaceAll('_', ' ') } });
  socket.end(
    `HTTP/1.1 ${status} ${httpStatusText(status)}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function httpStatusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    503: 'Service Unavailable',
  };
  return texts[status] ?? 'Error';
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** The update Yjs encodes when there is nothing to send: no structs, no deletions. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
