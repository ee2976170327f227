import type { ConsultationRole, Membership } from '@atelier/domain';
import { assertKey } from '../../workspace/argumentGuards';
import { assertMembership } from '../../workspace/validateWorkspaceRecords';
import type { MembershipRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import type { MembershipRecord, WorkspaceCollections } from './workspaceCollections';

/** Memberships have no id of their own: the record's `_id` is an ObjectId never read back. */
const WITHOUT_ID = { projection: { _id: 0 } } as const;

export class MongoMembershipRepository implements MembershipRepository {
  constructor(
    private readonly memberships: WorkspaceCollections['memberships'],
    private readonly connection: ConnectionState,
  ) {}

  /**
   * One atomic upsert that returns the document as it was. Two first upserts racing to insert
   * are safe: the server retries an upsert that hit a duplicate key when its filter is an
   * equality on exactly the unique index's fields (MongoDB 4.2+).
   */
  async upsert(membership: Membership): Promise<ConsultationRole | null> {
    this.connection.assertOpen();
    assertMembership(membership);
    const previous = await this.memberships.findOneAndUpdate(
      { consultationId: membership.consultationId, userId: membership.userId },
      {
        $set: { role: membership.role },
        // A role change keeps the date the person joined.
        $setOnInsert: { createdAt: membership.createdAt },
      },
      { upsert: true, returnDocument: 'before', projection: { _id: 0, role: 1 } },
    );
    return previous?.role ?? null;
  }

  async remove(consultationId: string, userId: string): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    const result = await this.memberships.deleteOne({ consultationId, userId });
    return result.deletedCount > 0;
  }

  async find(consultationId: string, userId: string): Promise<Membership | null> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    const record = await this.memberships.findOne({ consultationId, userId }, WITHOUT_ID);
    return record ? membershipFromRecord(record) : null;
  }

  async listByConsultation(consultationId: string): Promise<Membership[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    const records = await this.memberships
      .find({ consultationId }, WITHOUT_ID)
      .sort({ createdAt: 1, userId: 1 })
      .toArray();
    return records.map(membershipFromRecord);
  }

  async listByUser(userId: string): Promise<Membership[]> {
    this.connection.assertOpen();
    assertKey(userId, 'userId');
    const records = await this.memberships
      .find({ userId }, WITHOUT_ID)
      .sort({ createdAt: 1, consultationId: 1 })
      .toArray();
    return records.map(membershipFromRecord);
  }
}

function membershipFromRecord(record: MembershipRecord): Membership {
  return {
    consultationId: record.consultationId,
    userId: record.userId,
    role: record.role,
    createdAt: record.createdAt,
  };
}
