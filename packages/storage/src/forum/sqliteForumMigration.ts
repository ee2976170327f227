import type { Database } from 'better-sqlite3';

/**
 * Schema of the forum sessions (migration 5 in ../sqlite/migrations.ts). Same rules as the
 * workspace tables: STRICT, enumerations checked by the store, no foreign keys.
 */
export function createForumTables(db: Database): void {
  db.exec(`
    -- active_join_code holds the join code until the session ends, then NULL: the unique index
    -- makes codes unique among sessions that have not ended (NULLs never collide).
    CREATE TABLE forum_sessions (
      id TEXT PRIMARY KEY NOT NULL,
      consultation_id TEXT NOT NULL,
      scheduled_at TEXT NOT NULL,
      active_join_code TEXT,
      definition_json TEXT NOT NULL CHECK (json_valid(definition_json)),
      state_json TEXT NOT NULL CHECK (json_valid(state_json)),
      state_version INTEGER NOT NULL CHECK (state_version > 0)
    ) STRICT;
    CREATE UNIQUE INDEX forum_sessions_active_join_code_unique ON forum_sessions (active_join_code);
    CREATE INDEX forum_sessions_consultation ON forum_sessions (consultation_id, scheduled_at, id);

    -- One participant per user per session, one per guest token (stored hashed only).
    CREATE TABLE forum_participants (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL,
      role TEXT NOT NULL,
      user_id TEXT,
      guest_token_hash TEXT,
      display_name TEXT NOT NULL,
      participant_kind TEXT NOT NULL,
      joined_at TEXT NOT NULL,
      seq INTEGER NOT NULL,
      CHECK ((user_id IS NULL) <> (guest_token_hash IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX forum_participants_session_user_unique
      ON forum_participants (session_id, user_id) WHERE user_id IS NOT NULL;
    CREATE UNIQUE INDEX forum_participants_guest_token_unique
      ON forum_participants (guest_token_hash) WHERE guest_token_hash IS NOT NULL;
    CREATE INDEX forum_participants_session ON forum_participants (session_id, seq);

    -- The primary key is the one-vote-per-participant rule, whichever tab or process sends it.
    CREATE TABLE forum_votes (
      poll_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      ballot_json TEXT NOT NULL CHECK (json_valid(ballot_json)),
      cast_at TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (poll_id, participant_id)
    ) STRICT;
    CREATE INDEX forum_votes_session ON forum_votes (session_id, seq);
  `);
}

/** Written contributions of forum sessions (migration 6 in ../sqlite/migrations.ts). */
export function createForumContributionsTable(db: Database): void {
  db.exec(`
    -- hidden_* are set together, once: the first hiding is the one kept.
    CREATE TABLE forum_contributions (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      body TEXT NOT NULL,
      agenda_item_id TEXT,
      agenda_item_title TEXT,
      commitment_id TEXT,
      passage_quote TEXT,
      created_at TEXT NOT NULL,
      hidden_reason TEXT,
      hidden_by TEXT,
      hidden_at TEXT,
      seq INTEGER NOT NULL,
      CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
      CHECK ((hidden_at IS NULL) = (hidden_by IS NULL))
    ) STRICT;
    CREATE INDEX forum_contributions_session ON forum_contributions (session_id, seq);
  `);
}
