export type {
  DocumentLogStats,
  DocumentStore,
  DocumentUpdateToAppend,
  StoredDocument,
} from './documentStore';
export type { MongoDocumentStoreOptions } from './mongodb/mongoDocumentStore';
export { openMongoDocumentStore } from './mongodb/mongoDocumentStore';
export type { SqliteSynchronous } from './sqlite/openSqliteDatabase';
export type { SqliteDocumentStoreOptions } from './sqlite/sqliteDocumentStore';
export { openSqliteDocumentStore } from './sqlite/sqliteDocumentStore';
