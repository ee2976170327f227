import type { Database, Statement } from 'better-sqlite3';
import type { ConsultationRole, Invitation } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertInvitation } from '../../workspace/validateWorkspaceRecords';
import type { InvitationRepository } from '../../workspace/workspaceStore';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface InvitationRow {
  readonly id: string;
  readonly consultation_id: string;
  readonly email: string;
  readonly role: string;
  readonly invited_by: string;
  readonly token_hash: string;
  readonly expires_at: string;
  readonly accepted_at: string | null;
  readonly created_at: string;
}

const INVITATION_CONSTRAINTS = {
  'invitations.id': 'primary_key',
  'invitations.token_hash': 'invitation_token',
} as const;

export class SqliteInvitationRepository implements InvitationRepository {
  private readonly insertInvitation: Statement<[InvitationRow]>;
  private readonly selectByTokenHash: Statement<[string], InvitationRow>;
  private readonly acceptIfPending: Statement<[string, string, string]>;
  private readonly selectByConsultation: Statement<[string], InvitationRow>;

  constructor(db: Database) {
    this.insertInvitation = db.prepare(`
      INSERT INTO invitations (id, consultation_id, email, role, invited_by, token_hash,
                               expires_at, accepted_at, created_at)
      VALUES (@id, @consultation_id, @email, @role, @invited_by, @token_hash,
              @expires_at, @accepted_at, @created_at)
    `);
    this.selectByTokenHash = db.prepare('SELECT * FROM invitations WHERE token_hash = ?');
    // One conditional statement: whichever caller's UPDATE runs first changes the row, and
    // every later one finds accepted_at already set and changes nothing.
    this.acceptIfPending = db.prepare(`
      UPDATE invitations SET accepted_at = ?
      WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > ?
    `);
    this.selectByConsultation = db.prepare(
      'SELECT * FROM invitations WHERE consultation_id = ? ORDER BY created_at DESC, id DESC',
    );
  }

  async create(invitation: Invitation): Promise<void> {
    assertInvitation(invitation);
    const row: InvitationRow = {
      id: invitation.id,
      consultation_id: invitation.consultationId,
      email: invitation.email,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      token_hash: invitation.tokenHash,
      expires_at: invitation.expiresAt,
      accepted_at: invitation.acceptedAt,
      created_at: invitation.createdAt,
    };
    withUniqueConstraints(INVITATION_CONSTRAINTS, () => this.insertInvitation.run(row));
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    assertKey(tokenHash, 'tokenHash');
    const row = this.selectByTokenHash.get(tokenHash);
    return row ? invitationFromRow(row) : null;
  }

  async consume(tokenHash: string, acceptedAt: string): Promise<boolean> {
    assertKey(tokenHash, 'tokenHash');
    assertInstant(acceptedAt, 'acceptedAt');
    return this.acceptIfPending.run(acceptedAt, tokenHash, acceptedAt).changes === 1;
  }

  async listByConsultation(consultationId: string): Promise<Invitation[]> {
    assertKey(consultationId, 'consultationId');
    return this.selectByConsultation.all(consultationId).map(invitationFromRow);
  }
}

function invitationFromRow(row: InvitationRow): Invitation {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    email: row.email,
    role: row.role as ConsultationRole,
    invitedBy: row.invited_by,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    createdAt: row.created_at,
  };
}
