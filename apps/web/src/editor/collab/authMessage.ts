import type { ReadOnlyReason } from '@atelier/domain';
import { AuthMessageType } from '@atelier/protocol';
import * as decoding from 'lib0/decoding';

import {
  parseAccessStatePayload,
  parseEditsRefusedPayload,
  type ClientAccessState,
} from './accessState';

export type AuthMessage =
  | { readonly kind: 'access_state'; readonly state: ClientAccessState }
  | { readonly kind: 'permission_denied'; readonly reason: string }
  /** The server dropped edits this connection sent: they must be discarded here too. */
  | { readonly kind: 'edits_refused'; readonly readOnlyReason: ReadOnlyReason | null }
  | { readonly kind: 'unknown'; readonly subType: number };

/**
 * Decodes the body of a y-websocket auth message (after its message type): a sub-type, then one
 * varString. `AccessState` and `EditsRefused` are Atelier's additions; `PermissionDenied` is
 * y-protocols' own.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage {
  const subType = decoding.readVarUint(decoder);
  switch (subType) {
    case AuthMessageType.AccessState:
      return {
        kind: 'access_state',
        state: parseAccessStatePayload(decoding.readVarString(decoder)),
      };
    case AuthMessageType.EditsRefused:
      return {
        kind: 'edits_refused',
        ...parseEditsRefusedPayload(decoding.readVarString(decoder)),
      };
    case AuthMessageType.PermissionDenied:
      return { kind: 'permission_denied', reason: decoding.readVarString(decoder) };
    default:
      return { kind: 'unknown', subType };
  }
}
