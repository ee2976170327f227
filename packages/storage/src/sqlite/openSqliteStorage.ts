import type { AtelierStorage } from '../atelierStorage';
import { closeSqliteDatabase, openSqliteDatabase } from './openSqliteDatabase';
import type { SqliteDatabaseOptions } from './openSqliteDatabase';
import { SqliteForumStore } from '../forum/sqliteForumStore';
import { createSqliteDocumentStore } from './sqliteDocumentStore';
import { createSqliteWorkspaceStore } from './workspace/sqliteWorkspaceStore';

export type SqliteStorageOptions = SqliteDatabaseOptions;

/**
 * Opens (creating and migrating if needed) one SQLite file holding documents and workspace
 * records, behind one handle: one writer, so no SQLITE_BUSY between our own stores.
 */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<AtelierStorage> {
  const db = openSqliteDatabase(options);
  try {
    // The document store does not own the handle: closing it alone leaves the workspace working.
    const documents = createSqliteDocumentStore(db, () => {});
    const workspace = createSqliteWorkspaceStore(db);
    return {
      documents,
      workspace,
      forum: new SqliteForumStore(db),
      close: async () => {
        await documents.close();
        closeSqliteDatabase(db);
      },
    };
  } catch (error) {
    closeSqliteDatabase(db);
    throw error;
  }
}
