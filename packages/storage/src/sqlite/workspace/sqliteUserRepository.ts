import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { User } from '@atelier/domain';
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
import { toFlag, toJsonColumn } from './jsonColumn';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly email_key: string;
  readonly display_name: string;
  readonly public_pseudonym: string | null;
  readonly organisation_id: string | null;
  readonly platform_role: string | null;
  readonly disabled: 0 | 1;
  readonly password_hash: string | null;
  readonly created_at: string;
}

const USER_CONSTRAINTS = {
  'users.id': 'primary_key',
  'users.email_key': 'user_email',
} as const;

export class SqliteUserRepository implements UserRepository {
  private readonly insertUser: Statement<[UserRow]>;
  private readonly selectById: Statement<[string], UserRow>;
  private readonly selectByEmailKey: Statement<[string], UserRow>;
  private readonly selectByIdsJson: Statement<[string], UserRow>;
  private readonly writeUserRow: Statement<[UserRow]>;
  private readonly countAdminRows: Statement<[], number>;
  private readonly insertIdentityUnlessTaken: Statement<[string, string, string]>;
  private readonly selectIdentityOwner: Statement<[string, string], string>;
  private readonly selectByIdentity: Statement<[string, string], UserRow>;
  private readonly patchUser: Transaction<(id: string, patch: UserPatch) => UserRow | null>;
  private readonly linkIdentity: Transaction<
    (userId: string, issuer: string, subject: string) => void
  >;

  constructor(db: Database) {
    this.insertUser = db.prepare(`
      INSERT INTO users (id, email, email_key, display_name, public_pseudonym, organisation_id,
                         platform_role, disabled, password_hash, created_at)
      VALUES (@id, @email, @email_key, @display_name, @public_pseudonym, @organisation_id,
              @platform_role, @disabled, @password_hash, @created_at)
    `);
    this.selectById = db.prepare('SELECT * FROM users WHERE id = ?');
    this.selectByEmailKey = db.prepare('SELECT * FROM users WHERE email_key = ?');
    // One statement for any number of ids: the list travels as one JSON array parameter.
    this.selectByIdsJson = db.prepare(
      'SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.writeUserRow = db.prepare(`
      UPDATE users SET display_name = @display_name, public_pseudonym = @public_pseudonym,
        organisation_id = @organisation_id, platform_role = @platform_role,
        disabled = @disabled, password_hash = @password_hash
      WHERE id = @id
    `);
    this.countAdminRows = db
      .prepare<[], number>("SELECT COUNT(*) FROM users WHERE platform_role = 'admin'")
      .pluck();
    this.insertIdentityUnlessTaken = db.prepare(`
      INSERT INTO user_identities (issuer, subject, user_id) VALUES (?, ?, ?)
      ON CONFLICT (issuer, subject) DO NOTHING
    `);
    this.selectIdentityOwner = db
      .prepare<[string, string], string>(
        'SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?',
      )
      .pluck();
    this.selectByIdentity = db.prepare(`
      SELECT users.* FROM user_identities JOIN users ON users.id = user_identities.user_id
      WHERE user_identities.issuer = ? AND user_identities.subject = ?
    `);

    // Read, merge, write in one IMMEDIATE transaction: one prepared UPDATE serves every patch.
    this.patchUser = db.transaction((id: string, patch: UserPatch) => {
      const row = this.selectById.get(id);
      if (!row) return null;
      const updated = applyUserPatch(row, patch);
      this.writeUserRow.run(updated);
      return updated;
    });
    // The first link of a subject wins; linking it again to the same user changes nothing.
    this.linkIdentity = db.transaction((userId: string, issuer: string, subject: string) => {
      if (this.insertIdentityUnlessTaken.run(issuer, subject, userId).changes === 1) return;
      if (this.selectIdentityOwner.get(issuer, subject) !== userId) {
        throw new UniqueConstraintError('user_external_identity');
      }
    });
  }

  async create(user: NewUser): Promise<void> {
    assertNewUser(user);
    const row = userRowFrom(user);
    withUniqueConstraints(USER_CONSTRAINTS, () => this.insertUser.run(row));
  }

  async findById(id: string): Promise<User | null> {
    assertKey(id, 'id');
    return userOrNull(this.selectById.get(id));
  }

  async findByEmail(email: string): Promise<User | null> {
    assertKey(email, 'email');
    return userOrNull(this.selectByEmailKey.get(emailKey(email)));
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    assertKey(email, 'email');
    const row = this.selectByEmailKey.get(emailKey(email));
    return row ? { user: userFromRow(row), passwordHash: row.password_hash } : null;
  }

  async update(id: string, patch: UserPatch): Promise<User | null> {
    assertKey(id, 'id');
    assertUserPatch(patch);
    return userOrNull(this.patchUser.immediate(id, patch) ?? undefined);
  }

  async listByIds(ids: readonly string[]): Promise<User[]> {
    assertKeys(ids, 'ids');
    if (ids.length === 0) return [];
    return this.selectByIdsJson.all(toJsonColumn(ids)).map(userFromRow);
  }

  async countAdmins(): Promise<number> {
    return this.countAdminRows.get() ?? 0;
  }

  async linkExternalIdentity(userId: string, issuer: string, subject: string): Promise<void> {
    assertKey(userId, 'userId');
    assertKey(issuer, 'issuer');
    assertKey(subject, 'subject');
    this.linkIdentity.immediate(userId, issuer, subject);
  }

  async findByExternalIdentity(issuer: string, subject: string): Promise<User | null> {
    assertKey(issuer, 'issuer');
    assertKey(subject, 'subject');
    return userOrNull(this.selectByIdentity.get(issuer, subject));
  }
}

function userRowFrom(user: NewUser): UserRow {
  return {
    id: user.id,
    email: user.email,
    email_key: emailKey(user.email),
    display_name: user.displayName,
    public_pseudonym: user.publicPseudonym,
    organisation_id: user.organisationId,
    platform_role: user.platformRole,
    disabled: toFlag(user.disabled),
    password_hash: user.passwordHash,
    created_at: user.createdAt,
  };
}

function applyUserPatch(row: UserRow, patch: UserPatch): UserRow {
  return {
    ...row,
    display_name: patch.displayName ?? row.display_name,
    public_pseudonym:
      patch.publicPseudonym === undefined ? row.public_pseudonym : patch.publicPseudonym,
    organisation_id:
      patch.organisationId === undefined ? row.organisation_id : patch.organisationId,
    platform_role: patch.platformRole === undefined ? row.platform_role : patch.platformRole,
    disabled: patch.disabled === undefined ? row.disabled : toFlag(patch.disabled),
    password_hash: patch.passwordHash === undefined ? row.password_hash : patch.passwordHash,
  };
}

function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    publicPseudonym: row.public_pseudonym,
    organisationId: row.organisation_id,
    platformRole: row.platform_role as User['platformRole'],
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

function userOrNull(row: UserRow | undefined): User | null {
  return row ? userFromRow(row) : null;
}
