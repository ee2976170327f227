import type { DocumentStore } from './documentStore';
import type { ForumStore } from './forum/forumStore';
import type { WorkspaceStore } from './workspace/workspaceStore';

/**
 * Port: everything the server stores, on one connection (one SQLite handle, or one MongoDB
 * client). `main.ts` opens it once with `openSqliteStorage` or `openMongoStorage`.
 */
export interface AtelierStorage {
  readonly documents: DocumentStore;
  readonly workspace: WorkspaceStore;
  /** Live forum sessions, their participants and votes (issue 7). */
  readonly forum: ForumStore;
  /**
   * Closes `documents` and then the shared connection, after which every call of either store
   * rejects. Idempotent. (`documents.close()` on its own only detaches the document store: the
   * connection it shares stays open for the workspace until this is called.)
   */
  close(): Promise<void>;
}
