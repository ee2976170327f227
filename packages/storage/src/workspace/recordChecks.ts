import { assertOneOf, assertPlainObject } from './argumentGuards';

/**
 * Whole-record checks written as one table a record kind: a field name and the guard its value
 * must pass. The table names every field of the type (the compiler says when one is missing), the
 * error names the field from the table, and the fields are checked in the table's order, so
 * that the first bad field is the one reported.
 */

/** A guard from argumentGuards, or one built below: throws a TypeError naming `what`. */
export type FieldCheck = (value: unknown, what: string) => void;

/** One check for every field of T, optional fields included. */
export type FieldChecks<T> = { readonly [K in keyof T]-?: FieldCheck };

/** Checks each field of `record` (read as `record[field]`, so a null record throws too). */
export function checkFields<T extends object>(
  record: T,
  what: string,
  checks: FieldChecks<T>,
): void {
  const fields = record as Record<string, unknown>;
  for (const [field, check] of Object.entries<FieldCheck>(checks)) {
    check(fields[field], `${what}.${field}`);
  }
}

/** A plain object (see assertPlainObject) whose fields pass `checks`. */
export function plainRecord<T extends object>(checks: FieldChecks<T>): FieldCheck {
  return (value, what) => {
    assertPlainObject(value, what);
    checkFields(value as T, what, checks);
  };
}

/** For a field a patch may leave out. */
export function optional(check: FieldCheck): FieldCheck {
  return (value, what) => {
    if (value !== undefined) check(value, what);
  };
}

export function nullable(check: FieldCheck): FieldCheck {
  return (value, what) => {
    if (value !== null) check(value, what);
  };
}

export function oneOf(allowed: readonly string[]): FieldCheck {
  return (value, what) => assertOneOf(value, allowed, what);
}

/** A field the store takes as it comes: the edge's schema is its only check. */
export const unchecked: FieldCheck = () => undefined;
