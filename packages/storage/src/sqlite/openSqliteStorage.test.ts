import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AtelierStorage } from '../atelierStorage';
import { aUser, describeDocumentStoreContract } from '../contract';
import { openSqliteStorage } from './openSqliteStorage';

function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'atelier-storage-'));
}

// The document store behaves the same when it shares its handle with the workspace.
describeDocumentStoreContract('SQLite, shared handle', async () => {
  const directory = makeTempDir();
  const filePath = join(directory, 'atelier.db');
  let current: AtelierStorage = await openSqliteStorage({ filePath });
  return {
    store: current.documents,
    cleanup: async () => {
      await current.close();
      rmSync(directory, { recursive: true, force: true });
    },
    reopen: async () => {
      await current.close();
      current = await openSqliteStorage({ filePath });
      return current.documents;
    },
    writeSnapshotKeepingLog: async (docName, snapshot, throughSeq) => {
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

describe('openSqliteStorage', () => {
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

  it('keeps the workspace working when only the document store is closed', async () => {
    const storage = await openSqliteStorage({ filePath: tempFilePath() });
    try {
      await storage.documents.close();

      await expect(storage.documents.loadDocument('brouillon')).rejects.toThrow(/closed/);
      await storage.workspace.users.create(aUser());
      expect(await storage.workspace.isEmpty()).toBe(false);
    } finally {
      await storage.close();
    }
  });

  it('closes both stores, idempotently', async () => {
    const storage = await openSqliteStorage({ filePath: tempFilePath() });

    await storage.close();
    await storage.close();

    await expect(storage.documents.loadDocument('brouillon')).rejects.toThrow();
    await expect(storage.workspace.isEmpty()).rejects.toThrow();
    await expect(storage.workspace.users.findById('user-1')).rejects.toThrow();
  });

  it('reopens with the workspace records it had', async () => {
    const filePath = tempFilePath();
    const user = aUser();
    const first = await openSqliteStorage({ filePath, synchronous: 'full' });
    await first.workspace.users.create(user);
    await first.close();

    const second = await openSqliteStorage({ filePath });
    try {
      expect((await second.workspace.users.findById(user.id))?.email).toBe(user.email);
    } finally {
      await second.close();
    }
  });
});
