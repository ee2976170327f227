import type { Server as SocketIoServer, Socket } from 'socket.io';
import type { User } from '@atelier/domain';
import {
  commitmentRoom,
  consultationRoom,
  SocketEvent,
  type ClientToServerEvents,
  type CommitmentWatchResult,
  type ServerToClientEvents,
  type WatchResult,
} from '@atelier/protocol';
import { TokenBucket } from '../collab/tokenBucket';
import type { AccessChange } from '../collab/documentAccessPolicy';
import { AppError } from '../errors/appError';
import type { Logger } from '../logging/logger';
import {
  authorizeOnCommitment,
  authorizeOnConsultation,
  loadCommitmentFacts,
  loadConsultationFacts,
} from '../workspace/loadFacts';
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
const CONSULTATION_ROOM_PREFIX = consultationRoom('');
const COMMITMENT_ROOM_PREFIX = commitmentRoom('');

/**
 * Socket.io for the workspace: the session cookie names the person at the handshake; joining a
 * consultation's room (commitments, presence) or a commitment's room (its comment threads) is
 * authorized like reading it, and re-checked whenever access changes; events only carry ids, so
 * what a client then reads goes through REST and its rules.
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
    socket.on(SocketEvent.WatchCommitment, (commitmentId, ack) => {
      if (typeof ack !== 'function') return;
      void watchCommitment(socket, commitmentId).then(ack, (error: unknown) => {
        options.logger.error({ err: error }, 'watching a commitment failed');
        ack({ ok: false, code: 'internal_error' });
      });
    });
    socket.on(SocketEvent.UnwatchCommitment, (commitmentId) => {
      if (typeof commitmentId === 'string') void socket.leave(commitmentRoom(commitmentId));
    });
  });

  function isWellFormedId(id: unknown): id is string {
    return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;
  }

  async function watch(socket: WorkspaceSocket, consultationId: unknown): Promise<WatchResult> {
    if (!isWellFormedId(consultationId)) return { ok: false, code: 'validation_failed' };
    if (!socket.data.watchBucket.tryTake(1)) return { ok: false, code: 'rate_limited' };
    const decision = await mayRead(socket.data.userId, consultationId);
    if (decision !== 'allowed') return { ok: false, code: decision };
    await socket.join(consultationRoom(consultationId));
    return { ok: true, presence: await options.presence.snapshot(consultationId) };
  }

  async function watchCommitment(
    socket: WorkspaceSocket,
    commitmentId: unknown,
  ): Promise<CommitmentWatchResult> {
    if (!isWellFormedId(commitmentId)) return { ok: false, code: 'validation_failed' };
    if (!socket.data.watchBucket.tryTake(1)) return { ok: false, code: 'rate_limited' };
    const decision = await mayReadCommitment(socket.data.userId, commitmentId);
    if (decision !== 'allowed') return { ok: false, code: decision };
    await socket.join(commitmentRoom(commitmentId));
    return { ok: true };
  }

  /** 'allowed', or the error code the REST API would answer with. */
  async function mayRead(userId: string | null, consultationId: string): Promise<string> {
    return decideFor(userId, async (user) =>
      authorizeOnConsultation(
        user,
        'consultation.read',
        await loadConsultationFacts(context, user, consultationId),
      ),
    );
  }

  async function mayReadCommitment(userId: string | null, commitmentId: string): Promise<string> {
    return decideFor(userId, async (user) =>
      authorizeOnCommitment(
        user,
        'commitment.read',
        await loadCommitmentFacts(context, user, commitmentId),
      ),
    );
  }

  async function decideFor(
    userId: string | null,
    authorize: (user: User | null) => Promise<void>,
  ): Promise<string> {
    const user: User | null = userId ? await context.store.users.findById(userId) : null;
    if (userId && (!user || user.disabled)) return 'account_disabled';
    try {
      await authorize(user);
      return 'allowed';
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  /** The decision for one room this socket is in, or null for rooms this module does not own. */
  function reviewRoom(socket: WorkspaceSocket, room: string): Promise<string> | null {
    if (room.startsWith(CONSULTATION_ROOM_PREFIX))
      return mayRead(socket.data.userId, room.slice(CONSULTATION_ROOM_PREFIX.length));
    if (room.startsWith(COMMITMENT_ROOM_PREFIX))
      return mayReadCommitment(socket.data.userId, room.slice(COMMITMENT_ROOM_PREFIX.length));
    return null;
  }

  async function reviewAccess(change: AccessChange): Promise<void> {
    const sockets = [...io.sockets.sockets.values()].filter(
      (socket) => change.scope !== 'user' || socket.data.userId === change.userId,
    );
    for (const socket of sockets) {
      for (const room of [...socket.rooms]) {
        const reviewing = reviewRoom(socket, room);
        if (reviewing === null) continue;
        const decision = await reviewing;
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
    io.to(commitmentRoom(event.commitmentId)).emit(SocketEvent.ThreadChanged, event);
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
