import type { Database } from 'better-sqlite3';
import { createForumContributionsTable, createForumTables } from '../forum/sqliteForumMigration';

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
  {
    version: 2,
    description: 'workspace records: users, organisations, consultations, commitments, sessions',
    up: (db) => {
      // STRICT tables reject a value of the wrong type instead of storing it silently.
      // Enumerations (roles, statuses) are checked by the store rather than by CHECK
      // constraints, because adding a value to a CHECK in SQLite means rebuilding the table.
      // No foreign keys: MongoDB cannot enforce them, and the contract keeps both adapters alike.
      // *_key columns hold the normalised value the unique index compares (see uniqueKeys.ts).
      db.exec(`
        CREATE TABLE users (
          id TEXT PRIMARY KEY NOT NULL,
          email TEXT NOT NULL,
          email_key TEXT NOT NULL,
          display_name TEXT NOT NULL,
          public_pseudonym TEXT,
          organisation_id TEXT,
          platform_role TEXT,
          disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
          password_hash TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX users_email_key_unique ON users (email_key);
        CREATE INDEX users_platform_role ON users (platform_role) WHERE platform_role IS NOT NULL;

        CREATE TABLE user_identities (
          issuer TEXT NOT NULL,
          subject TEXT NOT NULL,
          user_id TEXT NOT NULL,
          PRIMARY KEY (issuer, subject)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE organisations (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          kind TEXT NOT NULL,
          website TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX organisations_name_key_unique ON organisations (name_key);

        CREATE TABLE consultations (
          id TEXT PRIMARY KEY NOT NULL,
          title TEXT NOT NULL,
          slug TEXT NOT NULL,
          description TEXT NOT NULL,
          starts_on TEXT,
          ends_on TEXT,
          status TEXT NOT NULL,
          visibility TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX consultations_slug_unique ON consultations (slug);
        CREATE INDEX consultations_created_at ON consultations (created_at, id);

        CREATE TABLE memberships (
          consultation_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          role TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (consultation_id, user_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX memberships_user_id ON memberships (user_id);

        CREATE TABLE commitments (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT NOT NULL,
          number INTEGER NOT NULL CHECK (number > 0),
          title TEXT NOT NULL,
          theme_json TEXT NOT NULL CHECK (json_valid(theme_json)),
          lead_organisation_ids_json TEXT NOT NULL CHECK (json_valid(lead_organisation_ids_json)),
          partner_organisation_ids_json TEXT NOT NULL
            CHECK (json_valid(partner_organisation_ids_json)),
          status TEXT NOT NULL,
          locked INTEGER NOT NULL CHECK (locked IN (0, 1)),
          doc_name TEXT NOT NULL,
          read_model_json TEXT NOT NULL CHECK (json_valid(read_model_json)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX commitments_consultation_number_unique
          ON commitments (consultation_id, number);
        CREATE UNIQUE INDEX commitments_doc_name_unique ON commitments (doc_name);

        CREATE TABLE invitations (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT NOT NULL,
          email TEXT NOT NULL,
          role TEXT NOT NULL,
          invited_by TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          accepted_at TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX invitations_token_hash_unique ON invitations (token_hash);
        CREATE INDEX invitations_consultation ON invitations (consultation_id, created_at);

        -- No index on last_seen_at: every request touches it, housekeeping rarely reads it.
        CREATE TABLE sessions (
          id_hash TEXT PRIMARY KEY NOT NULL,
          user_id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          last_seen_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sessions_user_id ON sessions (user_id);

        CREATE TABLE audit_entries (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT,
          actor_id TEXT,
          action TEXT NOT NULL,
          target TEXT NOT NULL,
          details_json TEXT NOT NULL CHECK (json_valid(details_json)),
          at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_entries_consultation_at ON audit_entries (consultation_id, at, id);
      `);
    },
  },
  {
    version: 3,
    description: 'comment rounds, threads, comments, reactions, responses and moderation',
    up: (db) => {
      // Same rules as version 2: STRICT, enumerations checked by the store, no foreign keys.
      // A thread's first comment is the oldest of its comments (the store writes both at once).
      db.exec(`
        CREATE TABLE comment_rounds (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT NOT NULL,
          title TEXT NOT NULL,
          instructions TEXT NOT NULL,
          opens_at TEXT NOT NULL,
          closes_at TEXT NOT NULL,
          audience TEXT NOT NULL,
          commitment_ids_json TEXT NOT NULL CHECK (json_valid(commitment_ids_json)),
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX comment_rounds_consultation ON comment_rounds (consultation_id, opens_at, id);

        CREATE TABLE comment_threads (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT NOT NULL,
          commitment_id TEXT NOT NULL,
          round_id TEXT,
          -- Which comment opened the thread; lists put it first whatever the clock said.
          first_comment_id TEXT NOT NULL,
          anchor_json TEXT CHECK (anchor_json IS NULL OR json_valid(anchor_json)),
          status TEXT NOT NULL,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          resolved_by TEXT,
          resolved_at TEXT
        ) STRICT;
        CREATE INDEX comment_threads_commitment ON comment_threads (commitment_id, created_at, id);
        CREATE INDEX comment_threads_round ON comment_threads (round_id, created_at, id)
          WHERE round_id IS NOT NULL;
        CREATE INDEX comment_threads_consultation
          ON comment_threads (consultation_id, created_at, id);

        -- hidden_*: all three set (hidden by moderation) or all three null.
        CREATE TABLE comments (
          id TEXT PRIMARY KEY NOT NULL,
          thread_id TEXT NOT NULL,
          author_id TEXT NOT NULL,
          body TEXT NOT NULL,
          mentions_json TEXT NOT NULL CHECK (json_valid(mentions_json)),
          created_at TEXT NOT NULL,
          edited_at TEXT,
          deleted_at TEXT,
          hidden_at TEXT,
          hidden_reason TEXT,
          hidden_by_role TEXT,
          CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)
            AND (hidden_at IS NULL) = (hidden_by_role IS NULL))
        ) STRICT;
        CREATE INDEX comments_thread ON comments (thread_id, created_at, id);

        -- The primary key is the one-reaction-per-person rule.
        CREATE TABLE comment_reactions (
          comment_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (comment_id, user_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE thread_responses (
          thread_id TEXT PRIMARY KEY NOT NULL,
          disposition TEXT NOT NULL,
          reason TEXT NOT NULL,
          responded_by TEXT NOT NULL,
          responded_at TEXT NOT NULL,
          draft_version TEXT
        ) STRICT;

        CREATE TABLE comment_flags (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT NOT NULL,
          comment_id TEXT NOT NULL,
          flagged_by TEXT NOT NULL,
          reason TEXT NOT NULL,
          created_at TEXT NOT NULL,
          handled_at TEXT
        ) STRICT;
        CREATE UNIQUE INDEX comment_flags_comment_flagger_unique
          ON comment_flags (comment_id, flagged_by);
        CREATE INDEX comment_flags_open ON comment_flags (consultation_id, created_at, id)
          WHERE handled_at IS NULL;

        CREATE TABLE consultation_mutes (
          consultation_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          until TEXT NOT NULL,
          reason TEXT NOT NULL,
          muted_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (consultation_id, user_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE moderation_log (
          id TEXT PRIMARY KEY NOT NULL,
          consultation_id TEXT NOT NULL,
          action TEXT NOT NULL,
          target TEXT NOT NULL,
          reason TEXT NOT NULL,
          moderator_role TEXT NOT NULL,
          at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX moderation_log_consultation_at ON moderation_log (consultation_id, at, id);
      `);
    },
  },
  {
    version: 4,
    description: 'in-app notifications, one per person, kind and subject',
    up: (db) => {
      // Same rules as version 2. One flat table for every kind (see notificationRecord.ts);
      // subject_id is the comment or the round. The unique index is the idempotence key that
      // INSERT ... ON CONFLICT DO NOTHING relies on.
      db.exec(`
        CREATE TABLE notifications (
          id TEXT PRIMARY KEY NOT NULL,
          user_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          consultation_id TEXT NOT NULL,
          subject_id TEXT NOT NULL,
          commitment_id TEXT,
          thread_id TEXT,
          actor_id TEXT,
          actor_name TEXT,
          title TEXT NOT NULL,
          excerpt TEXT,
          closes_at TEXT,
          created_at TEXT NOT NULL,
          read_at TEXT
        ) STRICT;
        CREATE UNIQUE INDEX notifications_dedupe_unique
          ON notifications (user_id, kind, subject_id);
        CREATE INDEX notifications_user_created ON notifications (user_id, created_at, id);
        CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;
      `);
    },
  },
  {
    version: 5,
    description: 'live forum sessions, their participants and votes',
    up: createForumTables,
  },
  {
    version: 6,
    description: 'written contributions of live forum sessions',
    up: createForumContributionsTable,
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
