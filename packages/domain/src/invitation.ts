import type { ConsultationRole } from './membership';

export interface Invitation {
  readonly id: string;
  readonly consultationId: string;
  readonly email: string;
  readonly role: ConsultationRole;
  readonly invitedBy: string;
  /** SHA-256 of the token: a stolen database does not yield usable invitation links. */
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly createdAt: string;
}

export const INVITATION_VALIDITY_DAYS = 14;
