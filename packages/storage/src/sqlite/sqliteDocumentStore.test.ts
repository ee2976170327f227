import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeDocumentStoreContract } from '../contract';
import type { DocumentStore } from '../documentStore';
import { SQLITE_MIGRATIONS, migrateToLatest, readSchemaVersion } from './migrations';
import { openSqliteDatabase } from './openSqliteDatabase';
import { openSqliteDocumentStore } from './sqliteDocumentStore';

function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'atelier-storage-'));
}

describeDocumentStoreContract('SQLite', async () => {
  const directory = makeTempDir();
  // A nested path checks that the store creates missing parent directories.
  const filePath = join(directory, 'nested', 'documents.db');
  let current: DocumentStore = await openSqliteDocumentStore({ filePath });
  return {
    store: current,
    cleanup: async () => {
      await current.close();
      rmSync(directory, { recursive: true, force: true });
    },
    reopen: async () => {
      await current.close();
      current = await openSqliteDocumentStore({ filePath });
      return current;
    },
    writeSnapshotKeepingLog: async (docName, snapshot, throughSeq) => {
      // A second connection writes what only the first half of a compaction would; SQLite's own
      // compaction cannot leave this state, but the loader must still read it correctly.
      const db = new Database(filePath);
      try {
        db.prepare(
          `INSERT INTO doc_snapshots (doc_name, snapshot_seq, data, updated_at_ms)
           VALUES (?, ?, ?, ?)`,
        ).run(docName, throughSeq, snapshot, Date.now());
      } finally {
        db.close();
      }
    },
  };
});

describe('SQLite document store', () => {
  const directories: string[] = [];
  const databases: Database.Database[] = [];

  function tempFilePath(): string {
    const directory = makeTempDir();
    directories.push(directory);
    return join(directory, 'documents.db');
  }

  function open(filePath: string, synchronous?: 'normal' | 'full'): Database.Database {
    const db = openSqliteDatabase({ filePath, synchronous });
    databases.push(db);
    return db;
  }

  afterEach(() => {
    for (const db of databases.splice(0)) {
      if (db.open) db.close();
    }
    for (const directory of directories.splice(0)) {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('opens in WAL mode with the requested synchronous level and a busy timeout', () => {
    const normal = open(tempFilePath());
    const full = open(tempFilePath(), 'full');

    expect(normal.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(normal.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(full.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(normal.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('rejects an unknown synchronous level', () => {
    expect(() =>
      openSqliteDatabase({
        filePath: tempFilePath(),
        synchronous: 'off' as unknown as 'normal',
      }),
    ).toThrow(RangeError);
  });

  it('migrates a new file to the latest schema version and does nothing on reopen', () => {
    const filePath = tempFilePath();
    open(filePath).close();
    const reopened = open(filePath);

    expect(readSchemaVersion(reopened)).toBe(SQLITE_MIGRATIONS.length);
    expect(migrateToLatest(reopened)).toBe(SQLITE_MIGRATIONS.length);
    const tables = reopened
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    // The workspace tables are checked beside their store (workspace/sqliteWorkspaceStore.test.ts).
    expect(tables).toEqual(expect.arrayContaining(['doc_heads', 'doc_snapshots', 'doc_updates']));
  });

  it('applies only the migrations appended since the file was last opened', () => {
    const filePath = tempFilePath();
    const db = open(filePath);
    const appended = [
      ...SQLITE_MIGRATIONS,
      {
        version: SQLITE_MIGRATIONS.length + 1,
        description: 'example table',
        up: (database: Database.Database) => database.exec('CREATE TABLE example (id INTEGER)'),
      },
    ];

    expect(migrateToLatest(db, appended)).toBe(appended.length);
    expect(migrateToLatest(db, appended)).toBe(appended.length);
    expect(() => migrateToLatest(db)).toThrow(/newer/);
  });

  it('rolls back a migration that fails, leaving the version unchanged', () => {
    const db = open(tempFilePath());
    const failing = [
      ...SQLITE_MIGRATIONS,
      {
        version: SQLITE_MIGRATIONS.length + 1,
        description: 'fails halfway',
        up: (database: Database.Database) => {
          database.exec('CREATE TABLE half_done (id INTEGER)');
          throw new Error('boom');
        },
      },
    ];

    expect(() => migrateToLatest(db, failing)).toThrow('boom');
    expect(readSchemaVersion(db)).toBe(SQLITE_MIGRATIONS.length);
    expect(
      db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get(),
    ).toBe(0);
  });

  it('refuses migration lists that are not numbered consecutively', () => {
    const db = open(tempFilePath());
    const gap = [{ version: 2, description: 'gap', up: () => {} }];

    expect(() => migrateToLatest(db, gap)).toThrow(/expected 1/);
  });

  it('rejects through the promise when the file cannot be opened', async () => {
    const directory = makeTempDir();
    directories.push(directory);

    // The directory itself is not a database file.
    await expect(openSqliteDocumentStore({ filePath: directory })).rejects.toThrow();
  });

  it('keeps an acknowledged append when the process is killed with SIGKILL', async () => {
    const filePath = tempFilePath();
    const docName = 'killed-mid-session';
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./testing/appendThenAwaitKill.ts', import.meta.url)),
        filePath,
        docName,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(child, 'exit');
    let acknowledgedOutput: string;
    try {
      acknowledgedOutput = await Promise.race([
        once(child.stdout, 'data').then(([chunk]) => String(chunk)),
        exited.then(() => {
          throw new Error('child exited before acknowledging the append');
        }),
      ]);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const store = await openSqliteDocumentStore({ filePath });
    const stored = await store.loadDocument(docName);
    await store.close();

    expect(acknowledgedOutput.trim()).toBe('1');
    expect(stored.updates).toEqual([new Uint8Array([1, 2, 3])]);
  });
});
