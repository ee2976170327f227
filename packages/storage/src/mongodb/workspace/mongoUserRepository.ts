import type { User } from '@atelier/domain';
import type { MatchKeysAndValues } from 'mongodb';
import { assertKey, assertKeys } from '../../workspace/argumentGuards';
import { emailKey } from '../../workspace/uniqueKeys';
import { assertNewUser, assertUserPatch } from '../../workspace/validateWorkspaceRecords';
import type {
  NewUser,
  UserCredentials,
  UserPatch,
  UserRepository,
} from '../../workspace/workspaceStore';
import { UniqueConstraintError } from '../../workspace/workspaceStore';
import { isDuplicateKeyError } from '../isDuplicateKeyError';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { UserRecord, WorkspaceCollections } from './workspaceCollections';

type UserCollections = Pick<WorkspaceCollections, 'users' | 'userIdentities'>;

export class MongoUserRepository implements UserRepository {
  constructor(
    private readonly collections: UserCollections,
    private readonly connection: ConnectionState,
  ) {}

  async create(user: NewUser): Promise<void> {
    this.connection.assertOpen();
    assertNewUser(user);
    const record: UserRecord = {
      _id: user.id,
      email: user.email,
      emailKey: emailKey(user.email),
      displayName: user.displayName,
      publicPseudonym: user.publicPseudonym,
      organisationId: user.organisationId,
      platformRole: user.platformRole,
      disabled: user.disabled,
      passwordHash: user.passwordHash,
      createdAt: user.createdAt,
    };
    await withUniqueConstraints(() => this.collections.users.insertOne(record));
  }

  async findById(id: string): Promise<User | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    return userOrNull(await this.collections.users.findOne({ _id: id }));
  }

  async findByEmail(email: string): Promise<User | null> {
    this.connection.assertOpen();
    assertKey(email, 'email');
    return userOrNull(await this.collections.users.findOne({ emailKey: emailKey(email) }));
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    this.connection.assertOpen();
    assertKey(email, 'email');
    const record = await this.collections.users.findOne({ emailKey: emailKey(email) });
    return record ? { user: userFromRecord(record), passwordHash: record.passwordHash } : null;
  }

  async update(id: string, patch: UserPatch): Promise<User | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    assertUserPatch(patch);
    const changes = userChanges(patch);
    // MongoDB refuses an empty $set; an empty patch is a plain read.
    if (Object.keys(changes).length === 0) return this.findById(id);
    const updated = await this.collections.users.findOneAndUpdate(
      { _id: id },
      { $set: changes },
      { returnDocument: 'after' },
    );
    return userOrNull(updated);
  }

  async listByIds(ids: readonly string[]): Promise<User[]> {
    this.connection.assertOpen();
    assertKeys(ids, 'ids');
    if (ids.length === 0) return [];
    const records = await this.collections.users.find({ _id: { $in: [...ids] } }).toArray();
    return records.map(userFromRecord);
  }

  async countAdmins(): Promise<number> {
    this.connection.assertOpen();
    return this.collections.users.countDocuments({ platformRole: 'admin' });
  }

  /**
   * Insert first and let the unique index arbitrate: of two racing links of one subject,
   * exactly one inserts; the other then finds who owns it.
   */
  async linkExternalIdentity(userId: string, issuer: string, subject: string): Promise<void> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    assertKey(issuer, 'issuer');
    assertKey(subject, 'subject');
    try {
      await this.collections.userIdentities.insertOne({ issuer, subject, userId });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const owner = await this.collections.userIdentities.findOne(
        { issuer, subject },
        { projection: { _id: 0, userId: 1 } },
      );
      if (owner?.userId !== userId) throw new UniqueConstraintError('user_external_identity');
    }
  }

  async findByExternalIdentity(issuer: string, subject: string): Promise<User | null> {
    this.connection.assertOpen();
    assertKey(issuer, 'issuer');
    assertKey(subject, 'subject');
    const identity = await this.collections.userIdentities.findOne(
      { issuer, subject },
      { projection: { _id: 0, userId: 1 } },
    );
    if (!identity) return null;
    return this.findById(identity.userId);
  }
}

/** Only the fields the patch sets; `undefined` means "leave as is", null is a value. */
function userChanges(patch: UserPatch): MatchKeysAndValues<UserRecord> {
  const changes: Partial<Record<keyof UserRecord, unknown>> = {};
  if (patch.displayName !== undefined) changes.displayName = patch.displayName;
  if (patch.publicPseudonym !== undefined) changes.publicPseudonym = patch.publicPseudonym;
  if (patch.organisationId !== undefined) changes.organisationId = patch.organisationId;
  if (patch.platformRole !== undefined) changes.platformRole = patch.platformRole;
  if (patch.disabled !== undefined) changes.disabled = patch.disabled;
  if (patch.passwordHash !== undefined) changes.passwordHash = patch.passwordHash;
  return changes as MatchKeysAndValues<UserRecord>;
}

function userFromRecord(record: UserRecord): User {
  return {
    id: record._id,
    email: record.email,
    displayName: record.displayName,
    publicPseudonym: record.publicPseudonym,
    organisationId: record.organisationId,
    platformRole: record.platformRole,
    disabled: record.disabled,
    createdAt: record.createdAt,
  };
}

function userOrNull(record: UserRecord | null): User | null {
  return record ? userFromRecord(record) : null;
}
