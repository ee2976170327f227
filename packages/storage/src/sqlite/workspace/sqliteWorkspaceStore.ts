import type { Database, Statement } from 'better-sqlite3';
import type { WorkspaceStore } from '../../workspace/workspaceStore';
import { SqliteAuditRepository } from './sqliteAuditRepository';
import { SqliteCommentRoundRepository } from './sqliteCommentRoundRepository';
import { SqliteCommentThreadRepository } from './sqliteCommentThreadRepository';
import { SqliteCommitmentRepository } from './sqliteCommitmentRepository';
import { SqliteConsultationRepository } from './sqliteConsultationRepository';
import { SqliteFlagRepository } from './sqliteFlagRepository';
import { SqliteInvitationRepository } from './sqliteInvitationRepository';
import { SqliteMembershipRepository } from './sqliteMembershipRepository';
import { SqliteModerationLogRepository } from './sqliteModerationLogRepository';
import { SqliteMuteRepository } from './sqliteMuteRepository';
import { SqliteNotificationRepository } from './sqliteNotificationRepository';
import { SqliteOrganisationRepository } from './sqliteOrganisationRepository';
import { SqliteSessionRepository } from './sqliteSessionRepository';
import { SqliteUserRepository } from './sqliteUserRepository';

/**
 * The workspace repositories on an open, migrated handle (shared with the document store).
 * better-sqlite3 is synchronous: every method finishes its work before returning and is
 * `async` only so that failures surface as rejections, as the port promises.
 */
export function createSqliteWorkspaceStore(db: Database): WorkspaceStore {
  const selectIsEmpty: Statement<[], number> = db
    .prepare<[], number>(
      'SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM consultations)',
    )
    .pluck();
  return {
    users: new SqliteUserRepository(db),
    organisations: new SqliteOrganisationRepository(db),
    consultations: new SqliteConsultationRepository(db),
    memberships: new SqliteMembershipRepository(db),
    commitments: new SqliteCommitmentRepository(db),
    invitations: new SqliteInvitationRepository(db),
    sessions: new SqliteSessionRepository(db),
    audit: new SqliteAuditRepository(db),
    commentRounds: new SqliteCommentRoundRepository(db),
    commentThreads: new SqliteCommentThreadRepository(db),
    flags: new SqliteFlagRepository(db),
    mutes: new SqliteMuteRepository(db),
    moderationLog: new SqliteModerationLogRepository(db),
    notifications: new SqliteNotificationRepository(db),
    isEmpty: async () => selectIsEmpty.get() === 1,
  };
}
