import type { DocumentAccess, ReadOnlyReason } from '@atelier/domain';

/** URL path prefix of the Yjs sync endpoint: `ws(s)://host/collab/<docName>`. */
export const COLLAB_PATH_PREFIX = '/collab/';

/** Document names are ids we generate; anything else is refused before a document is loaded. */
export const DOC_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Top-level message types of the y-websocket protocol (first varUint of every frame).
 * The stock `y-websocket` client speaks exactly these.
 */
export const CollabMessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Sub-types of the y-protocols sync message. */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;

/**
 * Sub-types of the auth message (`CollabMessageType.Auth`).
 * `PermissionDenied` is y-protocols' own. `AccessState` is Atelier's: the stock client ignores
 * auth sub-types it does not know, so it stays compatible, while the web client reads it to
 * show "read-only" and why. Payload: one varString holding JSON {@link AccessStatePayload}.
 */
export const AuthMessageType = {
  PermissionDenied: 0,
  AccessState: 1,
  /**
   * Atelier's: content this connection sent was dropped because it may not edit (typically typed
   * in the instant between a lock and the client hearing of it). The client must discard its
   * local changes (and offline copy) and resync, or they would reach everyone at the next unlock.
   * Payload: varString JSON {@link EditsRefusedPayload}. Sent once until the access changes.
   */
  EditsRefused: 2,
} as const;

export interface EditsRefusedPayload {
  readonly readOnlyReason?: ReadOnlyReason;
}

export interface AccessStatePayload {
  readonly access: DocumentAccess;
  /** Present when `access` is not `edit`. */
  readonly readOnlyReason?: ReadOnlyReason;
}
