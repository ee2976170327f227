import { io, type Socket } from 'socket.io-client';
import {
  FORUM_NAMESPACE,
  ForumEvent,
  type ForumAck,
  type ForumClientToServerEvents,
  type PollResultsPayload,
} from '@atelier/protocol';

type CreatePollCommand = Parameters<ForumClientToServerEvents['forum:poll.create']>[0];
export type PollDefinition = CreatePollCommand['poll'];
export type Ballot = Parameters<ForumClientToServerEvents['forum:vote']>[0]['ballot'];

/** What the workload reads of a poll in `forum:state` (Atelier sends the whole live state). */
export interface ScreenPollView {
  readonly id: string;
  readonly status: string;
  readonly options: readonly { readonly id: string }[];
}

interface ScreenServerEvents {
  [ForumEvent.State]: (payload: {
    sessionId: string;
    state: { polls: readonly ScreenPollView[] };
  }) => void;
  [ForumEvent.PollResults]: (payload: PollResultsPayload) => void;
}

type ScreenSocket = Socket<ScreenServerEvents, ForumClientToServerEvents>;

export interface ScreenConnection {
  /** Socket.io `auth`: a guest's token on Atelier; nothing on the bare server. */
  auth?: Record<string, string>;
  /** A signed-in person's session cookie (`name=value`). */
  cookie?: string;
  timeoutMs: number;
}

/** An ack that never came counts as a refusal with its own code. */
export type CommandOutcome<T = Record<string, never>> =
  ForumAck<T> | { readonly ok: false; readonly code: 'ack_timeout'; readonly message: string };

/**
 * One screen in the room — a participant's phone, the projector or the facilitator's console —
 * as a real socket.io-client connection to the `/forum` namespace (WebSocket transport, as the
 * web client connects). It does not reconnect: a connection the server drops is counted.
 */
export class ForumScreen {
  private closing = false;
  private dropReason: string | null = null;

  private constructor(private readonly socket: ScreenSocket) {
    socket.on('disconnect', (reason) => {
      if (!this.closing) this.dropReason = reason;
    });
  }

  /** Resolves once connected (the server accepted the handshake); rejects with its reason. */
  static connect(origin: string, connection: ScreenConnection): Promise<ForumScreen> {
    const socket: ScreenSocket = io(`${origin}${FORUM_NAMESPACE}`, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: false,
      timeout: connection.timeoutMs,
      ...(connection.auth === undefined ? {} : { auth: connection.auth }),
      ...(connection.cookie === undefined ? {} : { extraHeaders: { cookie: connection.cookie } }),
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => {
        socket.off('connect_error');
        resolve(new ForumScreen(socket));
      });
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Why the server side ended this connection, if it did (null while connected or closed by us). */
  get dropped(): string | null {
    return this.dropReason;
  }

  onResults(listener: (payload: PollResultsPayload) => void): void {
    this.socket.on(ForumEvent.PollResults, listener);
  }

  onPolls(listener: (polls: readonly ScreenPollView[]) => void): void {
    this.socket.on(ForumEvent.State, (payload) => listener(payload.state.polls));
  }

  join(sessionId: string, timeoutMs: number): Promise<CommandOutcome<unknown>> {
    return this.settle(this.socket.timeout(timeoutMs).emitWithAck(ForumEvent.Join, { sessionId }));
  }

  start(sessionId: string, timeoutMs: number): Promise<CommandOutcome> {
    return this.settle(this.socket.timeout(timeoutMs).emitWithAck(ForumEvent.Start, { sessionId }));
  }

  createPoll(
    sessionId: string,
    poll: PollDefinition,
    timeoutMs: number,
  ): Promise<CommandOutcome<{ readonly pollId: string }>> {
    return this.settle(
      this.socket.timeout(timeoutMs).emitWithAck(ForumEvent.CreatePoll, { sessionId, poll }),
    );
  }

  openPoll(sessionId: string, pollId: string, timeoutMs: number): Promise<CommandOutcome> {
    return this.settle(
      this.socket.timeout(timeoutMs).emitWithAck(ForumEvent.OpenPoll, { sessionId, pollId }),
    );
  }

  vote(sessionId: string, pollId: string, ballot: Ballot, timeoutMs: number) {
    return this.settle(
      this.socket.timeout(timeoutMs).emitWithAck(ForumEvent.Vote, { sessionId, pollId, ballot }),
    );
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }

  private async settle<T>(pending: Promise<ForumAck<T>>): Promise<CommandOutcome<T>> {
    try {
      return await pending;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, code: 'ack_timeout', message };
    }
  }
}
