import Database from 'better-sqlite3';
import { UniqueConstraintError } from '../../workspace/workspaceStore';
import type { UniqueConstraint } from '../../workspace/workspaceStore';

/**
 * Which port constraint each unique index stands for, keyed by what SQLite names after
 * "UNIQUE constraint failed: " (the indexed columns, `table.column, table.column`).
 */
export type ConstraintsByColumns = Readonly<Record<string, UniqueConstraint>>;

const UNIQUE_FAILURE_PREFIX = 'UNIQUE constraint failed: ';
const UNIQUE_FAILURE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Runs a write, turning a unique-index failure into the port's UniqueConstraintError. */
export function withUniqueConstraints<T>(constraints: ConstraintsByColumns, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw toUniqueConstraintError(error, constraints) ?? error;
  }
}

function toUniqueConstraintError(
  error: unknown,
  constraints: ConstraintsByColumns,
): UniqueConstraintError | null {
  if (!(error instanceof Database.SqliteError) || !UNIQUE_FAILURE_CODES.has(error.code)) {
    return null;
  }
  if (!error.message.startsWith(UNIQUE_FAILURE_PREFIX)) return null;
  const columns = error.message.slice(UNIQUE_FAILURE_PREFIX.length);
  const constraint = Object.hasOwn(constraints, columns) ? constraints[columns] : undefined;
  // An index the map does not know about is a schema bug; the original error says more.
  return constraint ? new UniqueConstraintError(constraint) : null;
}
