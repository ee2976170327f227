import type { DocumentAccess, ReadOnlyReason } from '@atelier/domain';
import type { AccessStatePayload, EditsRefusedPayload } from '@atelier/protocol';

/** The access the client believes it has; `pending` until the server or a cached value says. */
export interface ClientAccessState {
  readonly access: DocumentAccess | 'pending';
  readonly readOnlyReason: ReadOnlyReason | null;
}

export const pendingAccess: ClientAccessState = { access: 'pending', readOnlyReason: null };

const accesses: readonly DocumentAccess[] = ['edit', 'comment', 'view'];
const reasons: readonly ReadOnlyReason[] = [
  'role_comment_only',
  'role_view_only',
  'draft_locked',
  'consultation_closed',
  'signed_out',
  'muted',
];

/**
 * Reads the JSON of an `AccessState` auth message. Anything malformed or unknown is read as
 * view-only: the server enforces access anyway, and a client that wrongly believes it may type
 * would lose what the server then refuses.
 */
export function parseAccessStatePayload(json: string): ClientAccessState {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { access: 'view', readOnlyReason: null };
  }
  if (typeof value !== 'object' || value === null) return { access: 'view', readOnlyReason: null };
  const payload = value as Partial<Record<keyof AccessStatePayload, unknown>>;
  const access = accesses.find((candidate) => candidate === payload.access) ?? 'view';
  const readOnlyReason = reasons.find((candidate) => candidate === payload.readOnlyReason) ?? null;
  return { access, readOnlyReason: access === 'edit' ? null : readOnlyReason };
}

/**
 * Reads the JSON of an `EditsRefused` auth message: the reason the edits were refused, if the
 * server gave a known one. Malformed JSON still means "refused": the edits are discarded anyway.
 */
export function parseEditsRefusedPayload(json: string): {
  readonly readOnlyReason: ReadOnlyReason | null;
} {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { readOnlyReason: null };
  }
  if (typeof value !== 'object' || value === null) return { readOnlyReason: null };
  const payload = value as Partial<Record<keyof EditsRefusedPayload, unknown>>;
  return {
    readOnlyReason: reasons.find((candidate) => candidate === payload.readOnlyReason) ?? null,
  };
}

export function mayType(state: ClientAccessState): boolean {
  return state.access === 'edit';
}
