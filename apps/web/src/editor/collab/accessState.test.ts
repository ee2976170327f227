import { AuthMessageType, CollabMessageType } from '@atelier/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';

import { mayType, parseAccessStatePayload, parseEditsRefusedPayload } from './accessState';
import { readAuthMessage } from './authMessage';

function authFrame(subType: number, text: string): decoding.Decoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageType.Auth);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarString(encoder, text);
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  // The provider has read the message type before calling the handler.
  expect(decoding.readVarUint(decoder)).toBe(CollabMessageType.Auth);
  return decoder;
}

describe('parseAccessStatePayload', () => {
  it('reads edit access without a reason', () => {
    const state = parseAccessStatePayload('{"access":"edit"}');
    expect(state).toEqual({ access: 'edit', readOnlyReason: null });
    expect(mayType(state)).toBe(true);
  });

  it('reads each read-only reason', () => {
    for (const reason of [
      'role_comment_only',
      'role_view_only',
      'draft_locked',
      'consultation_closed',
      'signed_out',
      'muted',
    ] as const) {
      const state = parseAccessStatePayload(
        JSON.stringify({ access: 'view', readOnlyReason: reason }),
      );
      expect(state).toEqual({ access: 'view', readOnlyReason: reason });
      expect(mayType(state)).toBe(false);
    }
  });

  it('keeps comment access apart from view', () => {
    expect(
      parseAccessStatePayload('{"access":"comment","readOnlyReason":"role_comment_only"}'),
    ).toEqual({
      access: 'comment',
      readOnlyReason: 'role_comment_only',
    });
  });

  it('reads anything malformed or unknown as view-only, never as edit', () => {
    expect(parseAccessStatePayload('not json').access).toBe('view');
    expect(parseAccessStatePayload('null').access).toBe('view');
    expect(parseAccessStatePayload('{"access":"admin"}')).toEqual({
      access: 'view',
      readOnlyReason: null,
    });
    expect(
      parseAccessStatePayload('{"access":"view","readOnlyReason":"bored"}').readOnlyReason,
    ).toBeNull();
  });
});

describe('parseEditsRefusedPayload', () => {
  it('reads malformed or unknown reasons as none: the edits were refused all the same', () => {
    expect(parseEditsRefusedPayload('not json')).toEqual({ readOnlyReason: null });
    expect(parseEditsRefusedPayload('null')).toEqual({ readOnlyReason: null });
    expect(parseEditsRefusedPayload('{"readOnlyReason":"bored"}')).toEqual({
      readOnlyReason: null,
    });
    expect(parseEditsRefusedPayload('{"readOnlyReason":"consultation_closed"}')).toEqual({
      readOnlyReason: 'consultation_closed',
    });
  });
});

describe('readAuthMessage', () => {
  it('decodes an AccessState frame as the server encodes it', () => {
    const decoder = authFrame(
      AuthMessageType.AccessState,
      JSON.stringify({ access: 'view', readOnlyReason: 'draft_locked' }),
    );
    expect(readAuthMessage(decoder)).toEqual({
      kind: 'access_state',
      state: { access: 'view', readOnlyReason: 'draft_locked' },
    });
  });

  it('decodes a y-protocols PermissionDenied frame', () => {
    const decoder = authFrame(AuthMessageType.PermissionDenied, 'no');
    expect(readAuthMessage(decoder)).toEqual({ kind: 'permission_denied', reason: 'no' });
  });

  it('decodes an EditsRefused frame with the reason the server gave', () => {
    const decoder = authFrame(
      AuthMessageType.EditsRefused,
      JSON.stringify({ readOnlyReason: 'draft_locked' }),
    );
    expect(readAuthMessage(decoder)).toEqual({
      kind: 'edits_refused',
      readOnlyReason: 'draft_locked',
    });
  });

  it('decodes an EditsRefused frame without a reason', () => {
    expect(readAuthMessage(authFrame(AuthMessageType.EditsRefused, '{}'))).toEqual({
      kind: 'edits_refused',
      readOnlyReason: null,
    });
  });

  it('reports sub-types it does not know instead of failing', () => {
    const decoder = authFrame(9, 'future');
    expect(readAuthMessage(decoder)).toEqual({ kind: 'unknown', subType: 9 });
  });
});
