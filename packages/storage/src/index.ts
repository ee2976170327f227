export type { AtelierStorage } from './atelierStorage';
export type {
  DocumentLogStats,
  DocumentStore,
  DocumentUpdateToAppend,
  StoredDocument,
} from './documentStore';
export type {
  ForumStore,
  NewForumParticipant,
  StoredForumSession,
  StoredVote,
} from './forum/forumStore';
export { JoinCodeTakenError } from './forum/forumStore';
export type { MongoDocumentStoreOptions } from './mongodb/mongoDocumentStore';
export { openMongoDocumentStore } from './mongodb/mongoDocumentStore';
export type { MongoStorageOptions } from './mongodb/openMongoStorage';
export { openMongoStorage } from './mongodb/openMongoStorage';
export type { SqliteSynchronous } from './sqlite/openSqliteDatabase';
export type { SqliteStorageOptions } from './sqlite/openSqliteStorage';
export { openSqliteStorage } from './sqlite/openSqliteStorage';
export type { SqliteDocumentStoreOptions } from './sqlite/sqliteDocumentStore';
export { openSqliteDocumentStore } from './sqlite/sqliteDocumentStore';
export type {
  AuditRepository,
  CommentEdit,
  CommentRoundPatch,
  CommentRoundRepository,
  CommentThreadRepository,
  CommitmentPatch,
  CommitmentRepository,
  ConsultationPatch,
  ConsultationRepository,
  FlagRepository,
  InvitationRepository,
  MembershipRepository,
  ModerationLogRepository,
  MuteRepository,
  NewUser,
  NotificationRepository,
  OrganisationRepository,
  SessionRepository,
  ThreadStatusChange,
  UniqueConstraint,
  UserCredentials,
  UserPatch,
  UserRepository,
  WorkspaceStore,
} from './workspace/workspaceStore';
export { UniqueConstraintError } from './workspace/workspaceStore';
