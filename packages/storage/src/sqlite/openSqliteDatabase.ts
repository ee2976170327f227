import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrateToLatest } from './migrations';

/**
 * How hard SQLite works to make a commit durable. In WAL mode:
 * - `'normal'`: a commit is written to the WAL before the call returns, but the WAL is only
 *   fsynced at checkpoints. Survives a crash or SIGKILL of this process (the OS still holds the
 *   written pages); a power loss or kernel panic can roll back the most recent commits, never
 *   corrupt the file.
 * - `'full'`: the WAL is fsynced on every commit, so an acknowledged commit also survives
 *   power loss, at the price of one fsync per transaction (which group commit amortises).
 */
export type SqliteSynchronous = 'normal' | 'full';

export interface SqliteDatabaseOptions {
  /** Path of the database file; its parent directory is created if missing. `':memory:'` for tests. */
  readonly filePath: string;
  /** Defaults to `'normal'`. */
  readonly synchronous?: SqliteSynchronous;
}

const IN_MEMORY_PATH = ':memory:';

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

const SYNCHRONOUS_PRAGMA_VALUES: Readonly<Record<SqliteSynchronous, string>> = {
  normal: 'NORMAL',
  full: 'FULL',
};

/** Opens (creating if needed) a SQLite file in WAL mode and migrates its schema to the newest version. */
export function openSqliteDatabase({
  filePath,
  synchronous = 'normal',
}: SqliteDatabaseOptions): Database.Database {
  // Checked at runtime too: the value usually comes from configuration and is spliced into a pragma.
  if (!Object.hasOwn(SYNCHRONOUS_PRAGMA_VALUES, synchronous)) {
    throw new RangeError(`synchronous must be 'normal' or 'full', got ${String(synchronous)}`);
  }
  const synchronousPragma = SYNCHRONOUS_PRAGMA_VALUES[synchronous];
  const inMemory = filePath === IN_MEMORY_PATH;
  if (!inMemory) {
    mkdirSync(dirname(resolve(filePath)), { recursive: true });
  }

  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers proceed while a writer commits, and makes a commit one sequential append.
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (!inMemory && journalMode !== 'wal') {
      throw new Error(
        `SQLite refused WAL mode for ${filePath} (journal_mode is ${String(journalMode)})`,
      );
    }
    db.pragma(`synchronous = ${synchronousPragma}`);
    db.pragma('foreign_keys = ON');
    migrateToLatest(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Closes a handle opened by {@link openSqliteDatabase}. Idempotent. */
export function closeSqliteDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    // Lets SQLite refresh the query-planner statistics it finds stale; cheap at shutdown.
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
