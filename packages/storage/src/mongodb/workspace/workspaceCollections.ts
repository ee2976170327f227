import type { Collection, Db, IndexDescription } from 'mongodb';
import type {
  AuditAction,
  CommentAnchor,
  CommentHiding,
  CommentReactionKind,
  CommentRoundAudience,
  CommentThreadStatus,
  CommitmentReadModel,
  CommitmentStatus,
  CommitmentThemeKind,
  ConsultationRole,
  ConsultationStatus,
  ConsultationVisibility,
  ModerationAction,
  ModeratorRole,
  OrganisationKind,
  PlatformRole,
  ThreadDisposition,
} from '@atelier/domain';
import type { NotificationFields } from '../../workspace/notificationRecord';
import type { UniqueConstraint } from '../../workspace/workspaceStore';
import { DURABLE_WRITE_CONCERN } from '../mongoCollections';

/**
 * The stored shape of each workspace record. Records with an id keep it as `_id` (a string,
 * never an ObjectId); instants stay ISO strings, compared as text like in SQLite. Nothing of
 * these types leaves the adapter: each repository maps records to entities field by field.
 */
export interface UserRecord {
  readonly _id: string;
  readonly email: string;
  /** normaliseEmail(email), under the unique index. */
  readonly emailKey: string;
  readonly displayName: string;
  readonly publicPseudonym: string | null;
  readonly organisationId: string | null;
  readonly platformRole: PlatformRole | null;
  readonly disabled: boolean;
  readonly passwordHash: string | null;
  readonly createdAt: string;
}

export interface UserIdentityRecord {
  readonly issuer: string;
  readonly subject: string;
  readonly userId: string;
}

export interface OrganisationRecord {
  readonly _id: string;
  readonly name: string;
  /** organisationNameKey(name), under the unique index. */
  readonly nameKey: string;
  readonly kind: OrganisationKind;
  readonly website: string | null;
  readonly createdAt: string;
}

export interface ConsultationRecord {
  readonly _id: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly status: ConsultationStatus;
  readonly visibility: ConsultationVisibility;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface MembershipRecord {
  readonly consultationId: string;
  readonly userId: string;
  readonly role: ConsultationRole;
  readonly createdAt: string;
}

export interface CommitmentRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly number: number;
  readonly title: string;
  readonly theme: { readonly kind: CommitmentThemeKind; readonly label: string };
  readonly leadOrganisationIds: readonly string[];
  readonly partnerOrganisationIds: readonly string[];
  readonly status: CommitmentStatus;
  readonly locked: boolean;
  readonly docName: string;
  readonly readModel: CommitmentReadModel;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface InvitationRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly email: string;
  readonly role: ConsultationRole;
  readonly invitedBy: string;
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly createdAt: string;
}

export interface SessionRecord {
  /** The session id hash. */
  readonly _id: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export interface AuditRecord {
  readonly _id: string;
  readonly consultationId: string | null;
  readonly actorId: string | null;
  readonly action: AuditAction;
  readonly target: string;
  /**
   * Free-form details as JSON text, as SQLite keeps them: the same values survive the round
   * trip in both adapters, and keys such as "$set" or "a.b" cannot upset MongoDB.
   */
  readonly detailsJson: string;
  readonly at: string;
}

export interface CommentRoundRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly title: string;
  readonly instructions: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly audience: CommentRoundAudience;
  readonly commitmentIds: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface CommentThreadRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly commitmentId: string;
  readonly roundId: string | null;
  /** Which comment opened the thread; lists put it first whatever the clock said. */
  readonly firstCommentId: string;
  readonly anchor: CommentAnchor | null;
  readonly status: CommentThreadStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

export interface CommentRecord {
  readonly _id: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly body: string;
  readonly mentions: readonly string[];
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly deletedAt: string | null;
  readonly hidden: CommentHiding | null;
}

export interface CommentReactionRecord {
  readonly commentId: string;
  readonly userId: string;
  readonly kind: CommentReactionKind;
  readonly createdAt: string;
}

export interface ThreadResponseRecord {
  /** The thread id: one response per thread. */
  readonly _id: string;
  readonly disposition: ThreadDisposition;
  readonly reason: string;
  readonly respondedBy: string;
  readonly respondedAt: string;
  readonly draftVersion: string | null;
}

export interface FlagRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly commentId: string;
  readonly flaggedBy: string;
  readonly reason: string;
  readonly createdAt: string;
  readonly handledAt: string | null;
}

export interface MuteRecord {
  readonly consultationId: string;
  readonly userId: string;
  readonly until: string;
  readonly reason: string;
  readonly by: string;
  readonly createdAt: string;
}

export interface ModerationLogRecord {
  readonly _id: string;
  readonly consultationId: string;
  readonly action: ModerationAction;
  readonly target: string;
  readonly reason: string;
  readonly moderatorRole: ModeratorRole;
  readonly at: string;
}

/** The flat fields of notificationRecord.ts, the id as `_id`. */
export type NotificationRecord = Omit<NotificationFields, 'id'> & { readonly _id: string };

export interface WorkspaceCollections {
  readonly users: Collection<UserRecord>;
  readonly userIdentities: Collection<UserIdentityRecord>;
  readonly organisations: Collection<OrganisationRecord>;
  readonly consultations: Collection<ConsultationRecord>;
  readonly memberships: Collection<MembershipRecord>;
  readonly commitments: Collection<CommitmentRecord>;
  readonly invitations: Collection<InvitationRecord>;
  readonly sessions: Collection<SessionRecord>;
  readonly audit: Collection<AuditRecord>;
  readonly commentRounds: Collection<CommentRoundRecord>;
  readonly commentThreads: Collection<CommentThreadRecord>;
  readonly comments: Collection<CommentRecord>;
  readonly commentReactions: Collection<CommentReactionRecord>;
  readonly threadResponses: Collection<ThreadResponseRecord>;
  readonly flags: Collection<FlagRecord>;
  readonly mutes: Collection<MuteRecord>;
  readonly moderationLog: Collection<ModerationLogRecord>;
  readonly notifications: Collection<NotificationRecord>;
}

export const WORKSPACE_COLLECTION_NAMES = {
  users: 'users',
  userIdentities: 'user_identities',
  organisations: 'organisations',
  consultations: 'consultations',
  memberships: 'memberships',
  commitments: 'commitments',
  invitations: 'invitations',
  sessions: 'sessions',
  audit: 'audit_entries',
  commentRounds: 'comment_rounds',
  commentThreads: 'comment_threads',
  comments: 'comments',
  commentReactions: 'comment_reactions',
  threadResponses: 'thread_responses',
  flags: 'comment_flags',
  mutes: 'consultation_mutes',
  moderationLog: 'moderation_log',
  notifications: 'notifications',
} as const satisfies Record<keyof WorkspaceCollections, string>;

export function workspaceCollections(db: Db): WorkspaceCollections {
  const options = { writeConcern: DURABLE_WRITE_CONCERN };
  const names = WORKSPACE_COLLECTION_NAMES;
  return {
    users: db.collection<UserRecord>(names.users, options),
    userIdentities: db.collection<UserIdentityRecord>(names.userIdentities, options),
    organisations: db.collection<OrganisationRecord>(names.organisations, options),
    consultations: db.collection<ConsultationRecord>(names.consultations, options),
    memberships: db.collection<MembershipRecord>(names.memberships, options),
    commitments: db.collection<CommitmentRecord>(names.commitments, options),
    invitations: db.collection<InvitationRecord>(names.invitations, options),
    sessions: db.collection<SessionRecord>(names.sessions, options),
    audit: db.collection<AuditRecord>(names.audit, options),
    commentRounds: db.collection<CommentRoundRecord>(names.commentRounds, options),
    commentThreads: db.collection<CommentThreadRecord>(names.commentThreads, options),
    comments: db.collection<CommentRecord>(names.comments, options),
    commentReactions: db.collection<CommentReactionRecord>(names.commentReactions, options),
    threadResponses: db.collection<ThreadResponseRecord>(names.threadResponses, options),
    flags: db.collection<FlagRecord>(names.flags, options),
    mutes: db.collection<MuteRecord>(names.mutes, options),
    moderationLog: db.collection<ModerationLogRecord>(names.moderationLog, options),
    notifications: db.collection<NotificationRecord>(names.notifications, options),
  };
}

/**
 * Which port constraint each unique index stands for, by index name (what a duplicate-key
 * error names). `_id_` is MongoDB's own index on `_id` in every collection.
 */
export const UNIQUE_CONSTRAINTS_BY_INDEX: Readonly<Record<string, UniqueConstraint>> = {
  _id_: 'primary_key',
  users_email_key_unique: 'user_email',
  user_identities_issuer_subject_unique: 'user_external_identity',
  organisations_name_key_unique: 'organisation_name',
  consultations_slug_unique: 'consultation_slug',
  commitments_consultation_number_unique: 'commitment_number',
  commitments_doc_name_unique: 'commitment_doc_name',
  invitations_token_hash_unique: 'invitation_token',
  comment_flags_comment_flagger_unique: 'flag_duplicate',
};

const WORKSPACE_INDEXES: { readonly [K in keyof WorkspaceCollections]: IndexDescription[] } = {
  users: [{ key: { emailKey: 1 }, name: 'users_email_key_unique', unique: true }],
  userIdentities: [
    {
      key: { issuer: 1, subject: 1 },
      name: 'user_identities_issuer_subject_unique',
      unique: true,
    },
  ],
  organisations: [{ key: { nameKey: 1 }, name: 'organisations_name_key_unique', unique: true }],
  consultations: [
    { key: { slug: 1 }, name: 'consultations_slug_unique', unique: true },
    { key: { createdAt: -1, _id: -1 }, name: 'consultations_created_at' },
  ],
  memberships: [
    {
      key: { consultationId: 1, userId: 1 },
      name: 'memberships_consultation_user_unique',
      unique: true,
    },
    { key: { userId: 1 }, name: 'memberships_user_id' },
  ],
  commitments: [
    {
      key: { consultationId: 1, number: 1 },
      name: 'commitments_consultation_number_unique',
      unique: true,
    },
    { key: { docName: 1 }, name: 'commitments_doc_name_unique', unique: true },
  ],
  invitations: [
    { key: { tokenHash: 1 }, name: 'invitations_token_hash_unique', unique: true },
    { key: { consultationId: 1, createdAt: -1 }, name: 'invitations_consultation' },
  ],
  // No index on lastSeenAt: every request touches it, housekeeping rarely reads it.
  sessions: [{ key: { userId: 1 }, name: 'sessions_user_id' }],
  audit: [{ key: { consultationId: 1, at: -1, _id: -1 }, name: 'audit_entries_consultation_at' }],
  commentRounds: [
    { key: { consultationId: 1, opensAt: 1, _id: 1 }, name: 'comment_rounds_consultation' },
  ],
  commentThreads: [
    { key: { commitmentId: 1, createdAt: 1, _id: 1 }, name: 'comment_threads_commitment' },
    { key: { roundId: 1, createdAt: 1, _id: 1 }, name: 'comment_threads_round' },
    { key: { consultationId: 1, createdAt: 1, _id: 1 }, name: 'comment_threads_consultation' },
  ],
  comments: [{ key: { threadId: 1, createdAt: 1, _id: 1 }, name: 'comments_thread' }],
  // The one-reaction-per-person rule; upserts on exactly these fields are retried by the
  // server when two race to insert, so the rule never surfaces as an error.
  commentReactions: [
    {
      key: { commentId: 1, userId: 1 },
      name: 'comment_reactions_comment_user_unique',
      unique: true,
    },
  ],
  threadResponses: [],
  flags: [
    {
      key: { commentId: 1, flaggedBy: 1 },
      name: 'comment_flags_comment_flagger_unique',
      unique: true,
    },
    { key: { consultationId: 1, handledAt: 1, createdAt: 1, _id: 1 }, name: 'comment_flags_open' },
  ],
  mutes: [
    {
      key: { consultationId: 1, userId: 1 },
      name: 'consultation_mutes_consultation_user_unique',
      unique: true,
    },
    { key: { consultationId: 1, until: 1 }, name: 'consultation_mutes_until' },
  ],
  moderationLog: [
    { key: { consultationId: 1, at: -1, _id: -1 }, name: 'moderation_log_consultation_at' },
  ],
  // The idempotence key: upserts on exactly these fields store a notification once, and the
  // server retries an upsert that lost a race on this index instead of failing it.
  notifications: [
    {
      key: { userId: 1, kind: 1, subjectId: 1 },
      name: 'notifications_dedupe_unique',
      unique: true,
    },
    { key: { userId: 1, createdAt: -1, _id: -1 }, name: 'notifications_user_created' },
    { key: { userId: 1, readAt: 1 }, name: 'notifications_user_unread' },
  ],
};

/**
 * The unique indexes carry the port's constraints, so they must exist before the first
 * write; createIndexes is a no-op for an index that already exists with the same definition.
 */
export async function createWorkspaceIndexes(collections: WorkspaceCollections): Promise<void> {
  await Promise.all(
    (Object.keys(WORKSPACE_INDEXES) as (keyof WorkspaceCollections)[])
      // createIndexes refuses an empty list (collections with only their `_id` index).
      .filter((name) => WORKSPACE_INDEXES[name].length > 0)
      .map((name) => collections[name].createIndexes(WORKSPACE_INDEXES[name])),
  );
}
