/**
 * Socket.io events (default path `/socket.io`), declared once for the server and the web client.
 * Payloads name what changed; clients re-read it through REST, so every read stays authorized
 * by the same rules and no private field can leak through a broadcast.
 */
export const SocketEvent = {
  /** Client → server: follow a consultation's changes (authorized like reading it). */
  WatchConsultation: 'consultation:watch',
  UnwatchConsultation: 'consultation:unwatch',
  /** Server → client: a commitment's metadata or draft read model changed. */
  CommitmentUpdated: 'commitment:updated',
} as const;

export interface CommitmentUpdatedPayload {
  readonly consultationId: string;
  readonly commitmentId: string;
}

export type WatchResult = { readonly ok: true } | { readonly ok: false; readonly code: string };

export interface ServerToClientEvents {
  [SocketEvent.CommitmentUpdated]: (payload: CommitmentUpdatedPayload) => void;
}

export interface ClientToServerEvents {
  [SocketEvent.WatchConsultation]: (
    consultationId: string,
    ack: (result: WatchResult) => void,
  ) => void;
  [SocketEvent.UnwatchConsultation]: (consultationId: string) => void;
}

/** Socket.io room holding the sockets that watch one consultation. */
export function consultationRoom(consultationId: string): string {
  return `consultation:${consultationId}`;
}
