import type { Server as SocketIoServer, Socket } from 'socket.io';
import type { User } from '@atelier/domain';
import {
  consultationRoom,
  SocketEvent,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WatchResult,
} from '@atelier/protocol';
import { TokenBucket } from '../collab/tokenBucket';
import type { AccessChange } from '../collab/documentAccessPolicy';
import { AppError } from '../errors/appError';
import type { Logger } from '../logging/logger';
import { authorizeOnConsultation, loadConsultationFacts } from '../workspace/loadFacts';
import { readCookie } from '../workspace/sessionCookie';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { DraftPresenceRelay } from './draftPresenceRelay';

interface SocketData {
  userId: string | null;
  watchBucket: TokenBucket;
}

export type WorkspaceSocketServer = SocketIoServer<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type WorkspaceSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Watching is cheap but authorized against the store: a handful per second is plenty for a page. */
const WATCHES_PER_SECOND = 5;
const WATCH_BURST = 20;
const MAX_ID_LENGTH = 64;
const ROOM_PREFIX = consultationRoom('');

/**
 * Socket.io for the workspace: the session cookie names the person at the handshake; joining a
 * consultation's room is authorized like reading it, and re-checked whenever access changes;
 * events only carry ids, so what a client then reads goes through REST and its rules.
 */
export function attachWorkspaceSockets(
  io: WorkspaceSocketServer,
  context: WorkspaceContext,
  options: {
    cookieName: string;
    publicOrigin: string;
    logger: Logger;
    presence: DraftPresenceRelay;
  },
): () => void {
  io.use((socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (origin !== undefined && origin !== options.publicOrigin)
      return next(new Error('origin_not_allowed'));
    const token = readCookie(socket.request, options.cookieName);
    const resolving = token ? context.sessions.resolve(token) : Promise.resolve(null);
    resolving.then(
      (session) => {
        socket.data.userId = session?.user.id ?? null;
        socket.data.watchBucket = new TokenBucket(WATCHES_PER_SECOND, WATCH_BURST);
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('session_lookup_failed')),
    );
  });

  io.on('connection', (socket: WorkspaceSocket) => {
    socket.on(SocketEvent.WatchConsultation, (consultationId, ack) => {
      if (typeof ack !== 'function') return;
      void watch(socket, consultationId).then(ack, (error: unknown) => {
        options.logger.error({ err: error }, 'watching a consultation failed');
        ack({ ok: false, code: 'internal_error' });
      });
    });
    socket.on(SocketEvent.UnwatchConsultation, (consultationId) => {
      if (typeof consultationId === 'string') void socket.leave(consultationRoom(consultationId));
    });
  });

  async function watch(socket: WorkspaceSocket, consultationId: unknown): Promise<WatchResult> {
    if (
      typeof consultationId !== 'string' ||
      consultationId.length === 0 ||
      consultationId.length > MAX_ID_LENGTH
    ) {
      return { ok: false, code: 'validation_failed' };
    }
    if (!socket.data.watchBucket.tryTake(1)) return { ok: false, code: 'rate_limited' };
    const decision = await mayRead(socket.data.userId, consultationId);
    if (decision !== 'allowed') return { ok: false, code: decision };
    await socket.join(consultationRoom(consultationId));
    return { ok: true, presence: await options.presence.snapshot(consultationId) };
  }

  /** 'allowed', or the error code the REST API would answer with. */
  async function mayRead(userId: string | null, consultationId: string): Promise<string> {
    const user: User | null = userId ? await context.store.users.findById(userId) : null;
    if (userId && (!user || user.disabled)) return 'account_disabled';
    try {
      authorizeOnConsultation(
        user,
        'consultation.read',
        await loadConsultationFacts(context, user, consultationId),
      );
      return 'allowed';
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  async function reviewAccess(change: AccessChange): Promise<void> {
    const sockets = [...io.sockets.sockets.values()].filter(
      (socket) => change.scope !== 'user' || socket.data.userId === change.userId,
    );
    for (const socket of sockets) {
      for (const room of socket.rooms) {
        if (!room.startsWith(ROOM_PREFIX)) continue;
        const decision = await mayRead(socket.data.userId, room.slice(ROOM_PREFIX.length));
        if (decision === 'account_disabled') {
          socket.disconnect(true);
          break;
        }
        if (decision !== 'allowed') await socket.leave(room);
      }
    }
  }

  const stopRelayingCommitments = context.events.on('commitmentChanged', (event) => {
    io.to(consultationRoom(event.consultationId)).emit(SocketEvent.CommitmentUpdated, event);
  });
  // Ids only, like commitment updates: watchers re-read the threads through REST and its rules.
  const stopRelayingThreads = context.events.on('threadChanged', (event) => {
    io.to(consultationRoom(event.consultationId)).emit(SocketEvent.ThreadChanged, event);
  });
  const stopReviewing = context.accessChanges.subscribe((change) => {
    reviewAccess(change).catch((error: unknown) =>
      options.logger.error({ err: error }, 'socket access review failed'),
    );
  });
  return () => {
    stopRelayingCommitments();
    stopRelayingThreads();
    stopReviewing();
  };
}
