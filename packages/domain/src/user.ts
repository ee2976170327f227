import { z } from 'zod';

export type PlatformRole = 'admin';

/**
 * A person with an account. Identity (email) and what others see (display name, or a pseudonym
 * in public) are kept apart, as GDPR asks; the email is never shown to other participants.
 */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  /** Shown instead of the display name on public pages when set. */
  readonly publicPseudonym: string | null;
  readonly organisationId: string | null;
  readonly platformRole: PlatformRole | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** Emails are compared lower-cased and trimmed everywhere (login, invitations, OIDC matching). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z.email().max(254).transform(normaliseEmail);
export const displayNameSchema = z.string().trim().min(1).max(120);
/** Long passphrases welcome; the upper bound keeps hashing cost bounded. */
export const passwordSchema = z.string().min(12).max(256);

export function publicNameOf(user: Pick<User, 'displayName' | 'publicPseudonym'>): string {
  return user.publicPseudonym ?? user.displayName;
}
