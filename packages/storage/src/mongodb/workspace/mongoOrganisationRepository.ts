import type { Organisation } from '@atelier/domain';
import { assertKey, assertKeys } from '../../workspace/argumentGuards';
import { compareOrganisationsByName } from '../../workspace/organisationOrder';
import { organisationNameKey } from '../../workspace/uniqueKeys';
import { assertOrganisation } from '../../workspace/validateWorkspaceRecords';
import type { OrganisationRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import { withUniqueConstraints } from './mongoUniqueViolation';
import type { OrganisationRecord, WorkspaceCollections } from './workspaceCollections';

export class MongoOrganisationRepository implements OrganisationRepository {
  constructor(
    private readonly organisations: WorkspaceCollections['organisations'],
    private readonly connection: ConnectionState,
  ) {}

  async create(organisation: Organisation): Promise<void> {
    this.connection.assertOpen();
    assertOrganisation(organisation);
    const record: OrganisationRecord = {
      _id: organisation.id,
      name: organisation.name,
      nameKey: organisationNameKey(organisation.name),
      kind: organisation.kind,
      website: organisation.website,
      createdAt: organisation.createdAt,
    };
    await withUniqueConstraints(() => this.organisations.insertOne(record));
  }

  async findById(id: string): Promise<Organisation | null> {
    this.connection.assertOpen();
    assertKey(id, 'id');
    const record = await this.organisations.findOne({ _id: id });
    return record ? organisationFromRecord(record) : null;
  }

  async listByIds(ids: readonly string[]): Promise<Organisation[]> {
    this.connection.assertOpen();
    assertKeys(ids, 'ids');
    if (ids.length === 0) return [];
    const records = await this.organisations.find({ _id: { $in: [...ids] } }).toArray();
    return records.map(organisationFromRecord);
  }

  async list(): Promise<Organisation[]> {
    this.connection.assertOpen();
    const records = await this.organisations.find({}).toArray();
    return records.map(organisationFromRecord).sort(compareOrganisationsByName);
  }
}

function organisationFromRecord(record: OrganisationRecord): Organisation {
  return {
    id: record._id,
    name: record.name,
    kind: record.kind,
    website: record.website,
    createdAt: record.createdAt,
  };
}
