/** Every change of state, kept for facilitators and auditors: who, when, what. */
export const auditActions = [
  'consultation.created',
  'consultation.updated',
  'consultation.status_changed',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.accepted',
  'commitment.created',
  'commitment.updated',
  'commitment.status_changed',
  'commitment.locked',
  'commitment.unlocked',
  'commitment.deleted',
  'user.disabled',
  'user.enabled',
  'comment.flagged',
  'comment.hidden',
  'comment.restored',
  'participant.muted',
  'participant.unmuted',
  'round.opened',
  'round.updated',
  'round.closed',
  'thread.responded',
  'forum.scheduled',
  'forum.started',
  'forum.ended',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  readonly id: string;
  readonly consultationId: string | null;
  readonly actorId: string | null;
  readonly action: AuditAction;
  /** What the action was about, e.g. `commitment:<id>` or `user:<id>`. */
  readonly target: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: string;
}
