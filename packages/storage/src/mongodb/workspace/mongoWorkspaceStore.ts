import type { WorkspaceStore } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { MongoAuditRepository } from './mongoAuditRepository';
import { MongoCommentRoundRepository } from './mongoCommentRoundRepository';
import { MongoCommentThreadRepository } from './mongoCommentThreadRepository';
import { MongoCommitmentRepository } from './mongoCommitmentRepository';
import { MongoConsultationRepository } from './mongoConsultationRepository';
import { MongoFlagRepository } from './mongoFlagRepository';
import { MongoInvitationRepository } from './mongoInvitationRepository';
import { MongoMembershipRepository } from './mongoMembershipRepository';
import { MongoModerationLogRepository } from './mongoModerationLogRepository';
import { MongoMuteRepository } from './mongoMuteRepository';
import { MongoNotificationRepository } from './mongoNotificationRepository';
import { MongoOrganisationRepository } from './mongoOrganisationRepository';
import { MongoSessionRepository } from './mongoSessionRepository';
import { MongoUserRepository } from './mongoUserRepository';
import type { WorkspaceCollections } from './workspaceCollections';

/**
 * The workspace repositories on collections whose indexes exist (see createWorkspaceIndexes).
 * No multi-document transactions: every operation of the port is a single-document write (but
 * `commentThreads.createThread`, see there), so the stores need no replica set, like the
 * document store.
 */
export function createMongoWorkspaceStore(
  collections: WorkspaceCollections,
  connection: ConnectionState,
): WorkspaceStore {
  return {
    users: new MongoUserRepository(collections, connection),
    organisations: new MongoOrganisationRepository(collections.organisations, connection),
    consultations: new MongoConsultationRepository(collections.consultations, connection),
    memberships: new MongoMembershipRepository(collections.memberships, connection),
    commitments: new MongoCommitmentRepository(collections.commitments, connection),
    invitations: new MongoInvitationRepository(collections.invitations, connection),
    sessions: new MongoSessionRepository(collections.sessions, connection),
    audit: new MongoAuditRepository(collections.audit, connection),
    commentRounds: new MongoCommentRoundRepository(collections.commentRounds, connection),
    commentThreads: new MongoCommentThreadRepository(collections, connection),
    flags: new MongoFlagRepository(collections.flags, connection),
    mutes: new MongoMuteRepository(collections.mutes, connection),
    moderationLog: new MongoModerationLogRepository(collections.moderationLog, connection),
    notifications: new MongoNotificationRepository(collections.notifications, connection),
    isEmpty: async () => {
      connection.assertOpen();
      const [anyUser, anyConsultation] = await Promise.all([
        collections.users.findOne({}, { projection: { _id: 1 } }),
        collections.consultations.findOne({}, { projection: { _id: 1 } }),
      ]);
      return anyUser === null && anyConsultation === null;
    },
  };
}
