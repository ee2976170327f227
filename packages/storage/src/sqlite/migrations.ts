import type { Database } from 'better-sqlite3';

/**
 * Forward-only schema migrations, applied in order when a database is opened. The schema
 * version lives in `PRAGMA user_version` (part of the file header, so it changes in the same
 * transaction as the migration that bumps it). Append new entries at the end; never edit or
 * reorder one that has shipped, because existing files have already run it.
 */
export interface SqliteMigration {
  /** 1 for the first migration, then consecutive. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database) => void;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'document update log, snapshots and per-document seq counters',
    up: (db) => {
      // Ordinary rowid tables rather than WITHOUT ROWID: rows carry blobs that can be large,
      // which SQLite advises against storing inside a clustered index.
      db.exec(`
        CREATE TABLE doc_heads (
          doc_name TEXT PRIMARY KEY NOT NULL,
          -- Highest seq ever assigned; survives compaction so seqs are never reused.
          last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
        );

        CREATE TABLE doc_updates (
          doc_name TEXT NOT NULL,
          seq INTEGER NOT NULL CHECK (seq > 0),
          data BLOB NOT NULL,
          created_at_ms INTEGER NOT NULL,
          PRIMARY KEY (doc_name, seq)
        );

        CREATE TABLE doc_snapshots (
          doc_name TEXT PRIMARY KEY NOT NULL,
          snapshot_seq INTEGER NOT NULL CHECK (snapshot_seq > 0),
          data BLOB NOT NULL,
          updated_at_ms INTEGER NOT NULL
        );
      `);
    },
  },
];

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to the newest version and returns it. Each migration runs in its own
 * IMMEDIATE transaction that re-reads the version first, so two processes opening the same
 * file at once cannot both apply it.
 */
export function migrateToLatest(
  db: Database,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
): number {
  assertConsecutive(migrations);
  const latestVersion = migrations.length;
  const currentVersion = readSchemaVersion(db);
  if (currentVersion > latestVersion) {
    throw new Error(
      `SQLite schema version ${currentVersion} is newer than this build knows (${latestVersion}); ` +
        'refusing to open a database written by a newer release',
    );
  }
  for (const migration of migrations.slice(currentVersion)) {
    const apply = db.transaction(() => {
      if (readSchemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
  return readSchemaVersion(db);
}

function assertConsecutive(migrations: readonly SqliteMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `SQLite migration "${migration.description}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
