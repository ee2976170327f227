import type { AuditEntry } from '@atelier/domain';
import { assertCount, assertKey } from '../../workspace/argumentGuards';
import { assertAuditEntry } from '../../workspace/validateWorkspaceRecords';
import type { AuditRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { AuditRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoAuditRepository implements AuditRepository {
  constructor(
    private readonly audit: WorkspaceCollections['audit'],
    private readonly connection: ConnectionState,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    this.connection.assertOpen();
    assertAuditEntry(entry);
    const record: AuditRecord = {
      _id: entry.id,
      consultationId: entry.consultationId,
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target,
      detailsJson: JSON.stringify(entry.details),
      at: entry.at,
    };
    await withUniqueConstraints(() => this.audit.insertOne(record));
  }

  async listByConsultation(consultationId: string, limit: number): Promise<AuditEntry[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertCount(limit, 'limit');
    // MongoDB reads limit(0) as "no limit".
    if (limit === 0) return [];
    const records = await this.audit
      .find({ consultationId })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return records.map((record) => ({
      id: record._id,
      consultationId: record.consultationId,
      actorId: record.actorId,
      action: record.action,
      target: record.target,
      details: JSON.parse(record.detailsJson) as Record<string, unknown>,
      at: record.at,
    }));
  }
}
