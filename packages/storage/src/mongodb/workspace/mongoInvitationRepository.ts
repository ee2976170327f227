import type { Invitation } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertInvitation } from '../../workspace/validateWorkspaceRecords';
import type { InvitationRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { InvitationRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoInvitationRepository implements InvitationRepository {
  constructor(
    private readonly invitations: WorkspaceCollections['invitations'],
    private readonly connection: ConnectionState,
  ) {}

  async create(invitation: Invitation): Promise<void> {
    this.connection.assertOpen();
    assertInvitation(invitation);
    const record: InvitationRecord = {
      _id: invitation.id,
      consultationId: invitation.consultationId,
      email: invitation.email,
      role: invitation.role,
      invitedBy: invitation.invitedBy,
      tokenHash: invitation.tokenHash,
      expiresAt: invitation.expiresAt,
      acceptedAt: invitation.acceptedAt,
      createdAt: invitation.createdAt,
    };
    await withUniqueConstraints(() => this.invitations.insertOne(record));
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    this.connection.assertOpen();
    assertKey(tokenHash, 'tokenHash');
    const record = await this.invitations.findOne({ tokenHash });
    return record ? invitationFromRecord(record) : null;
  }

  /**
   * A single-document update is atomic: whichever racing call the server applies first sets
   * acceptedAt, and the filter then matches nothing for every later one.
   */
  async consume(tokenHash: string, acceptedAt: string): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(tokenHash, 'tokenHash');
    assertInstant(acceptedAt, 'acceptedAt');
    const result = await this.invitations.updateOne(
      { tokenHash, acceptedAt: null, expiresAt: { $gt: acceptedAt } },
      { $set: { acceptedAt } },
    );
    return result.modifiedCount === 1;
  }

  async listByConsultation(consultationId: string): Promise<Invitation[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const records = await this.invitations
      .find({ consultationId })
      .sort({ createdAt: -1, _id: -1 })
      .toArray();
    return records.map(invitationFromRecord);
  }
}

function invitationFromRecord(record: InvitationRecord): Invitation {
  return {
    id: record._id,
    consultationId: record.consultationId,
    email: record.email,
    role: record.role,
    invitedBy: record.invitedBy,
    tokenHash: record.tokenHash,
    expiresAt: record.expiresAt,
    acceptedAt: record.acceptedAt,
    createdAt: record.createdAt,
  };
}
