import { loadMongoDriver } from './mongoDriver';
import type { AtelierStorage } from '../atelierStorage';
import { createDocumentIndexes, documentCollections } from './mongoCollections';
import { createForumIndexes, forumCollections } from '../forum/mongoForumCollections';
import { MongoForumStore } from '../forum/mongoForumStore';
import { createMongoDocumentStore } from './mongoDocumentStore';
import type { MongoDocumentStoreOptions } from './mongoDocumentStore';
import { ConnectionState } from './workspace/connectionState';
import { createMongoWorkspaceStore } from './workspace/mongoWorkspaceStore';
import { createWorkspaceIndexes, workspaceCollections } from './workspace/workspaceCollections';

export type MongoStorageOptions = MongoDocumentStoreOptions;

/**
 * Connects once, makes sure every index exists (the unique ones carry the port's
 * constraints), and returns the document and workspace stores sharing that one client.
 */
export async function openMongoStorage({
  uri,
  dbName,
}: MongoStorageOptions): Promise<AtelierStorage> {
  if (typeof uri !== 'string' || uri.length === 0) {
    throw new TypeError('uri must be a non-empty MongoDB connection string');
  }
  if (dbName !== undefined && (typeof dbName !== 'string' || dbName.length === 0)) {
    throw new TypeError('dbName must be a non-empty string when given');
  }
  const { MongoClient } = await loadMongoDriver();
  const client = new MongoClient(uri, { appName: 'atelier' });
  try {
    await client.connect();
    const db = client.db(dbName);
    const documentsCollections = documentCollections(db);
    const workspaceCollectionsOfDb = workspaceCollections(db);
    const forumCollectionsOfDb = forumCollections(db);
    await Promise.all([
      createDocumentIndexes(documentsCollections),
      createWorkspaceIndexes(workspaceCollectionsOfDb),
      createForumIndexes(forumCollectionsOfDb),
    ]);
    const connection = new ConnectionState();
    // The document store does not own the client: closing it alone leaves the workspace working.
    const documents = createMongoDocumentStore(documentsCollections, async () => {});
    const workspace = createMongoWorkspaceStore(workspaceCollectionsOfDb, connection);
    let closing: Promise<void> | undefined;
    return {
      documents,
      workspace,
      forum: new MongoForumStore(forumCollectionsOfDb, connection),
      close: () => {
        closing ??= (async () => {
          connection.markClosed();
          await documents.close();
          await client.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    // The connect or index error explains the failure; one from closing would only hide it.
    await client.close().catch(() => undefined);
    throw error;
  }
}
