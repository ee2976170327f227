import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { ConsultationRole, Membership } from '@atelier/domain';
import { assertKey } from '../../workspace/argumentGuards';
import { assertMembership } from '../../workspace/validateWorkspaceRecords';
import type { MembershipRepository } from '../../workspace/workspaceStore';

interface MembershipRow {
  readonly consultation_id: string;
  readonly user_id: string;
  readonly role: string;
  readonly created_at: string;
}

export class SqliteMembershipRepository implements MembershipRepository {
  private readonly selectRole: Statement<[string, string], string>;
  private readonly upsertRole: Statement<[MembershipRow]>;
  private readonly deleteMembership: Statement<[string, string]>;
  private readonly selectOne: Statement<[string, string], MembershipRow>;
  private readonly selectByConsultation: Statement<[string], MembershipRow>;
  private readonly selectByUser: Statement<[string], MembershipRow>;
  private readonly replaceRole: Transaction<(row: MembershipRow) => string | undefined>;

  constructor(db: Database) {
    this.selectRole = db
      .prepare<[string, string], string>(
        'SELECT role FROM memberships WHERE consultation_id = ? AND user_id = ?',
      )
      .pluck();
    // A role change keeps the date the person joined.
    this.upsertRole = db.prepare(`
      INSERT INTO memberships (consultation_id, user_id, role, created_at)
      VALUES (@consultation_id, @user_id, @role, @created_at)
      ON CONFLICT (consultation_id, user_id) DO UPDATE SET role = excluded.role
    `);
    this.deleteMembership = db.prepare(
      'DELETE FROM memberships WHERE consultation_id = ? AND user_id = ?',
    );
    this.selectOne = db.prepare(
      'SELECT * FROM memberships WHERE consultation_id = ? AND user_id = ?',
    );
    this.selectByConsultation = db.prepare(
      'SELECT * FROM memberships WHERE consultation_id = ? ORDER BY created_at, user_id',
    );
    this.selectByUser = db.prepare(
      'SELECT * FROM memberships WHERE user_id = ? ORDER BY created_at, consultation_id',
    );
    // IMMEDIATE, so no other connection can change the role between the read and the write.
    this.replaceRole = db.transaction((row: MembershipRow) => {
      const previousRole = this.selectRole.get(row.consultation_id, row.user_id);
      this.upsertRole.run(row);
      return previousRole;
    });
  }

  async upsert(membership: Membership): Promise<ConsultationRole | null> {
    assertMembership(membership);
    const previousRole = this.replaceRole.immediate({
      consultation_id: membership.consultationId,
      user_id: membership.userId,
      role: membership.role,
      created_at: membership.createdAt,
    });
    return (previousRole as ConsultationRole | undefined) ?? null;
  }

  async remove(consultationId: string, userId: string): Promise<boolean> {
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    return this.deleteMembership.run(consultationId, userId).changes > 0;
  }

  async find(consultationId: string, userId: string): Promise<Membership | null> {
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    const row = this.selectOne.get(consultationId, userId);
    return row ? membershipFromRow(row) : null;
  }

  async listByConsultation(consultationId: string): Promise<Membership[]> {
    assertKey(consultationId, 'consultationId');
    return this.selectByConsultation.all(consultationId).map(membershipFromRow);
  }

  async listByUser(userId: string): Promise<Membership[]> {
    assertKey(userId, 'userId');
    return this.selectByUser.all(userId).map(membershipFromRow);
  }
}

function membershipFromRow(row: MembershipRow): Membership {
  return {
    consultationId: row.consultation_id,
    userId: row.user_id,
    role: row.role as ConsultationRole,
    createdAt: row.created_at,
  };
}
