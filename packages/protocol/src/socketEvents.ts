import type { DocumentAccess } from '@atelier/domain';

/**
 * Socket.io events (default path `/socket.io`), declared once for the server and the web client.
 * Payloads name what changed; clients re-read it through REST, so every read stays authorized
 * by the same rules and no private field can leak through a broadcast.
 */
export const SocketEvent = {
  /** Client → server: follow a consultation's changes (authorized like reading it). */
  WatchConsultation: 'consultation:watch',
  UnwatchConsultation: 'consultation:unwatch',
  /**
   * Client → server: follow one commitment's comment threads (authorized like reading the
   * commitment; re-checked whenever access changes). Thread changes go to these rooms only.
   */
  WatchCommitment: 'commitment:watch',
  UnwatchCommitment: 'commitment:unwatch',
  /** Server → client: a commitment's metadata or draft read model changed. */
  CommitmentUpdated: 'commitment:updated',
  /** Server → client: who has a commitment's draft open changed. */
  DraftPresence: 'draft:presence',
  /**
   * Server → client: a comment thread changed (new thread or comment, edit, deletion, reaction,
   * resolution, response, hide or restore); re-read the commitment's threads. Sent to the
   * commitment's room (see WatchCommitment).
   */
  ThreadChanged: 'thread:changed',
  /**
   * Server → client, to the signed-in person's own sockets only: they have a new notification.
   * A hint with the unread count; the notifications themselves are read over REST.
   */
  NotificationNew: 'notification:new',
} as const;

/** Someone with a draft open, as the server knows them (never as their client claims). */
export interface PresentPerson {
  /** Null for a signed-out reader of a public draft. */
  readonly userId: string | null;
  readonly name: string | null;
  readonly organisation: string | null;
  /** `edit`: writing; `comment` or `view`: reading. */
  readonly access: DocumentAccess;
}

export interface DraftPresencePayload {
  readonly consultationId: string;
  readonly commitmentId: string;
  readonly people: readonly PresentPerson[];
}

export interface CommitmentUpdatedPayload {
  readonly consultationId: string;
  readonly commitmentId: string;
}

export interface ThreadChangedPayload {
  readonly consultationId: string;
  readonly commitmentId: string;
  readonly threadId: string;
}

export interface NotificationNewPayload {
  readonly unreadCount: number;
}

/** Answer to a watch: on success, who has each of the consultation's drafts open right now. */
export type WatchResult =
  | { readonly ok: true; readonly presence: readonly DraftPresencePayload[] }
  | { readonly ok: false; readonly code: string };

export interface ServerToClientEvents {
  [SocketEvent.CommitmentUpdated]: (payload: CommitmentUpdatedPayload) => void;
  [SocketEvent.DraftPresence]: (payload: DraftPresencePayload) => void;
  [SocketEvent.ThreadChanged]: (payload: ThreadChangedPayload) => void;
  [SocketEvent.NotificationNew]: (payload: NotificationNewPayload) => void;
}

export interface ClientToServerEvents {
  [SocketEvent.WatchConsultation]: (
    consultationId: string,
    ack: (result: WatchResult) => void,
  ) => void;
  [SocketEvent.UnwatchConsultation]: (consultationId: string) => void;
  [SocketEvent.WatchCommitment]: (
    commitmentId: string,
    ack: (result: CommitmentWatchResult) => void,
  ) => void;
  [SocketEvent.UnwatchCommitment]: (commitmentId: string) => void;
}

export type CommitmentWatchResult =
  { readonly ok: true } | { readonly ok: false; readonly code: string };

/** Socket.io room holding the sockets that watch one consultation. */
export function consultationRoom(consultationId: string): string {
  return `consultation:${consultationId}`;
}

/** Socket.io room holding the sockets that follow one commitment's comment threads. */
export function commitmentRoom(commitmentId: string): string {
  return `commitment:${commitmentId}`;
}
