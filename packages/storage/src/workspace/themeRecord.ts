import type { Commitment } from '@atelier/domain';

/** The theme with exactly its two fields, so no stray property of the caller's object is stored. */
export function themeRecord(theme: Commitment['theme']): Commitment['theme'] {
  return { kind: theme.kind, label: theme.label };
}
