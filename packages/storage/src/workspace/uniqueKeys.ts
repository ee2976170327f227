import { normaliseEmail } from '@atelier/domain';

/**
 * The values the stores put under their unique indexes. Computed here, once, rather than by
 * each database: SQLite's NOCASE and lower() fold ASCII only, so "Élise@…" and "élise@…"
 * would be two accounts there and one in MongoDB. Keys are stored beside the value as given.
 */

/** Same rule as sign-in and invitations use, so uniqueness and look-up agree. */
export function emailKey(email: string): string {
  return normaliseEmail(email);
}

/** NFC first: "É" typed as one code point or as "E" + accent is the same name. */
export function organisationNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}
