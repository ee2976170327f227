import { z } from 'zod';

/**
 * A user's role in one consultation, from most to least powerful:
 * facilitators run it; contributors co-write drafts; commenters comment without writing the
 * text; observers read.
 */
export const consultationRoles = ['facilitator', 'contributor', 'commenter', 'observer'] as const;
export type ConsultationRole = (typeof consultationRoles)[number];

export interface Membership {
  readonly consultationId: string;
  readonly userId: string;
  readonly role: ConsultationRole;
  readonly createdAt: string;
}

export const membershipRoleSchema = z.strictObject({ role: z.enum(consultationRoles) });

const roleRank: Record<ConsultationRole, number> = {
  observer: 0,
  commenter: 1,
  contributor: 2,
  facilitator: 3,
};

export function isRoleAtLeast(role: ConsultationRole, atLeast: ConsultationRole): boolean {
  return roleRank[role] >= roleRank[atLeast];
}
