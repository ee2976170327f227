/**
 * WebSocket close codes of the `/collab/<docName>` endpoint, declared once for the server,
 * the web client and the documentation. 4000-4999 is the range RFC 6455 leaves to applications.
 * We follow the convention the stock `y-websocket` client (3.x) applies by default: 4400-4499
 * mirrors HTTP 4xx, a deliberate refusal that reconnecting cannot fix, so the client stops;
 * every other code (4500-4599 included) is transient and the client comes back with back-off.
 * `reconnect` in {@link collabCloseDescriptions} states the same for our own web client.
 */
export const CollabCloseCode = {
  /** Standard: the server is restarting; come back shortly. */
  ServiceRestart: 1012,
  /** Standard, sent by the `ws` library itself when a frame exceeds the size limit. */
  MessageTooBig: 1009,
  /** A frame that is not a y-websocket message: empty, truncated, unknown message type. */
  MalformedMessage: 4400,
  /** The caller lost every right on the document (removed, disabled, signed out). */
  AccessRevoked: 4403,
  /** Awareness for a client id that belongs to someone else, oversized or malformed state. */
  AwarenessViolation: 4409,
  /** A Yjs update that failed validation (crafted, truncated, out of bounds) or decoding. */
  InvalidUpdate: 4422,
  /** Too many messages or bytes per second from this connection: a flood, not a typist. */
  RateLimited: 4429,
  /** The server could not persist the document; nothing acknowledged was lost, reconnect. */
  StorageUnavailable: 4503,
  /** The client did not read what we sent it fast enough; its send buffer overflowed. */
  SlowReader: 4508,
  /** Too many connections on this document or on the server; try again later. */
  TooManyConnections: 4529,
} as const;

export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

export interface CloseCodeDescription {
  readonly reason: string;
  readonly reconnect: boolean;
}

/** Reasons travel in the close frame (at most 123 bytes), so they stay short and stable. */
export const collabCloseDescriptions: Readonly<Record<CollabCloseCode, CloseCodeDescription>> = {
  [CollabCloseCode.ServiceRestart]: { reason: 'server_restarting', reconnect: true },
  [CollabCloseCode.MessageTooBig]: { reason: 'message_too_big', reconnect: true },
  [CollabCloseCode.MalformedMessage]: { reason: 'malformed_message', reconnect: false },
  [CollabCloseCode.AccessRevoked]: { reason: 'access_revoked', reconnect: false },
  [CollabCloseCode.AwarenessViolation]: { reason: 'awareness_violation', reconnect: false },
  [CollabCloseCode.InvalidUpdate]: { reason: 'invalid_update', reconnect: false },
  [CollabCloseCode.RateLimited]: { reason: 'rate_limited', reconnect: true },
  [CollabCloseCode.TooManyConnections]: { reason: 'too_many_connections', reconnect: true },
  [CollabCloseCode.StorageUnavailable]: { reason: 'storage_unavailable', reconnect: true },
  [CollabCloseCode.SlowReader]: { reason: 'slow_reader', reconnect: true },
};
