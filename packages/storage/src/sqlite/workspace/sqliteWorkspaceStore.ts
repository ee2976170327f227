import type { Database, Statement } from 'better-sqlite3';
import type { WorkspaceStore } from '../../workspace/workspaceStore';
import { SqliteAuditRepository } from './sqliteAuditRepository';
import { SqliteCommitmentRepository } from './sqliteCommitmentRepository';
import { SqliteConsultationRepository } from './sqliteConsultationRepository';
import { SqliteInvitationRepository } from './sqliteInvitationRepository';
import { SqliteMembershipRepository } from './sqliteMembershipRepository';
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
    isEmpty: async () => selectIsEmpty.get() === 1,
  };
}
