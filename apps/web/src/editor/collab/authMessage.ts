import { AuthMessageType } from '@atelier/protocol';
import * as decoding from 'lib0/decoding';

import { parseAccessStatePayload, type ClientAccessState } from './accessState';

export type AuthMessage =
  | { readonly kind: 'access_state'; readonly state: ClientAccessState }
  | { readonly kind: 'permission_denied'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly subType: number };

/**
 * Decodes the body of a y-websocket auth message (after its message type): a sub-type, then one
 * varString. `AccessState` is Atelier's addition; `PermissionDenied` is y-protocols' own.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage {
  const subType = decoding.readVarUint(decoder);
  switch (subType) {
    case AuthMessageType.AccessState:
      return {
        kind: 'access_state',
        state: parseAccessStatePayload(decoding.readVarString(decoder)),
      };
    case AuthMessageType.PermissionDenied:
      return { kind: 'permission_denied', reason: decoding.readVarString(decoder) };
    default:
      return { kind: 'unknown', subType };
  }
}
