import type { Organisation } from '@atelier/domain';

/**
 * Organisation lists are shown to French readers, who expect "Écologie" between "Défense" and
 * "Fraternité", not after "Zèbre" as byte order (SQLite's and MongoDB's default) puts it. Both
 * adapters sort with this one comparator so they agree; the lists are a few hundred rows.
 */
const FRENCH_NAME_COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function compareOrganisationsByName(left: Organisation, right: Organisation): number {
  return (
    FRENCH_NAME_COLLATOR.compare(left.name, right.name) ||
    (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)
  );
}
