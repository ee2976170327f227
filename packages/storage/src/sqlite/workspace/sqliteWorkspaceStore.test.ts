import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { aCommitment, aConsultation, aUser, describeWorkspaceStoreContract } from '../../contract';
import { SQLITE_MIGRATIONS, migrateToLatest, readSchemaVersion } from '../migrations';
import { openSqliteStorage } from '../openSqliteStorage';

function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'atelier-workspace-'));
}

describeWorkspaceStoreContract('SQLite', async () => {
  const directory = makeTempDir();
  const storage = await openSqliteStorage({ filePath: join(directory, 'atelier.db') });
  return {
    store: storage.workspace,
    cleanup: async () => {
      await storage.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe('SQLite workspace schema', () => {
  const directories: string[] = [];

  function tempFilePath(): string {
    const directory = makeTempDir();
    directories.push(directory);
    return join(directory, 'atelier.db');
  }

  afterEach(() => {
    for (const directory of directories.splice(0)) {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('upgrades a database written by the previous schema version, keeping its documents', async () => {
    const filePath = tempFilePath();
    const previousVersion = SQLITE_MIGRATIONS.length - 1;
    const previous = new Database(filePath);
    previous.pragma('journal_mode = WAL');
    migrateToLatest(previous, SQLITE_MIGRATIONS.slice(0, previousVersion));
    previous
      .prepare('INSERT INTO doc_heads (doc_name, last_seq) VALUES (?, ?)')
      .run('commitment-ancien', 1);
    previous
      .prepare('INSERT INTO doc_updates (doc_name, seq, data, created_at_ms) VALUES (?, ?, ?, ?)')
      .run('commitment-ancien', 1, Buffer.from([1, 2, 3]), Date.now());
    expect(readSchemaVersion(previous)).toBe(previousVersion);
    previous.close();

    const storage = await openSqliteStorage({ filePath });
    try {
      const stored = await storage.documents.loadDocument('commitment-ancien');
      const consultation = aConsultation();
      await storage.workspace.consultations.create(consultation);
      await storage.workspace.commitments.create(
        aCommitment({ consultationId: consultation.id, number: 1 }),
      );

      expect(stored.updates).toEqual([new Uint8Array([1, 2, 3])]);
      expect(await storage.workspace.consultations.findById(consultation.id)).toEqual(consultation);
    } finally {
      await storage.close();
    }
    const reopened = new Database(filePath, { readonly: true });
    expect(readSchemaVersion(reopened)).toBe(SQLITE_MIGRATIONS.length);
    reopened.close();
  });

  it('creates every workspace table with its unique indexes', async () => {
    const filePath = tempFilePath();
    await (await openSqliteStorage({ filePath })).close();
    const db = new Database(filePath, { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      const uniqueIndexes = db
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'
           ORDER BY name`,
        )
        .pluck()
        .all();

      expect(tables).toEqual([
        'audit_entries',
        'comment_flags',
        'comment_reactions',
        'comment_rounds',
        'comment_threads',
        'comments',
        'commitments',
        'consultation_mutes',
        'consultations',
        'doc_heads',
        'doc_snapshots',
        'doc_updates',
        'forum_contributions',
        'forum_participants',
        'forum_sessions',
        'forum_votes',
        'invitations',
        'memberships',
        'moderation_log',
        'notifications',
        'organisations',
        'sessions',
        'thread_responses',
        'user_identities',
        'users',
      ]);
      expect(uniqueIndexes).toEqual([
        'comment_flags_comment_flagger_unique',
        'commitments_consultation_number_unique',
        'commitments_doc_name_unique',
        'consultations_slug_unique',
        'forum_participants_guest_token_unique',
        'forum_participants_session_user_unique',
        'forum_sessions_active_join_code_unique',
        'invitations_token_hash_unique',
        'notifications_dedupe_unique',
        'organisations_name_key_unique',
        'users_email_key_unique',
      ]);
    } finally {
      db.close();
    }
  });

  it('stores the email as given beside the normalised key the unique index compares', async () => {
    const filePath = tempFilePath();
    const storage = await openSqliteStorage({ filePath });
    const user = aUser({ email: 'Élise.Durand@Exemple.fr' });
    await storage.workspace.users.create(user);
    await storage.close();

    const db = new Database(filePath, { readonly: true });
    const row = db.prepare('SELECT email, email_key FROM users WHERE id = ?').get(user.id);
    db.close();
    expect(row).toEqual({ email: 'Élise.Durand@Exemple.fr', email_key: 'élise.durand@exemple.fr' });
  });
});
