import type { Database, Statement } from 'better-sqlite3';
import type { Organisation, OrganisationKind } from '@atelier/domain';
import { assertKey, assertKeys } from '../../workspace/argumentGuards';
import { compareOrganisationsByName } from '../../workspace/organisationOrder';
import { organisationNameKey } from '../../workspace/uniqueKeys';
import { assertOrganisation } from '../../workspace/validateWorkspaceRecords';
import type { OrganisationRepository } from '../../workspace/workspaceStore';
import { toJsonColumn } from './jsonColumn';
import { withUniqueConstraints } from './sqliteUniqueViolation';

interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly name_key: string;
  readonly kind: string;
  readonly website: string | null;
  readonly created_at: string;
}

const ORGANISATION_CONSTRAINTS = {
  'organisations.id': 'primary_key',
  'organisations.name_key': 'organisation_name',
} as const;

export class SqliteOrganisationRepository implements OrganisationRepository {
  private readonly insertOrganisation: Statement<[OrganisationRow]>;
  private readonly selectById: Statement<[string], OrganisationRow>;
  private readonly selectByIdsJson: Statement<[string], OrganisationRow>;
  private readonly selectAll: Statement<[], OrganisationRow>;

  constructor(db: Database) {
    this.insertOrganisation = db.prepare(`
      INSERT INTO organisations (id, name, name_key, kind, website, created_at)
      VALUES (@id, @name, @name_key, @kind, @website, @created_at)
    `);
    this.selectById = db.prepare('SELECT * FROM organisations WHERE id = ?');
    this.selectByIdsJson = db.prepare(
      'SELECT * FROM organisations WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.selectAll = db.prepare('SELECT * FROM organisations');
  }

  async create(organisation: Organisation): Promise<void> {
    assertOrganisation(organisation);
    const row: OrganisationRow = {
      id: organisation.id,
      name: organisation.name,
      name_key: organisationNameKey(organisation.name),
      kind: organisation.kind,
      website: organisation.website,
      created_at: organisation.createdAt,
    };
    withUniqueConstraints(ORGANISATION_CONSTRAINTS, () => this.insertOrganisation.run(row));
  }

  async findById(id: string): Promise<Organisation | null> {
    assertKey(id, 'id');
    const row = this.selectById.get(id);
    return row ? organisationFromRow(row) : null;
  }

  async listByIds(ids: readonly string[]): Promise<Organisation[]> {
    assertKeys(ids, 'ids');
    if (ids.length === 0) return [];
    return this.selectByIdsJson.all(toJsonColumn(ids)).map(organisationFromRow);
  }

  async list(): Promise<Organisation[]> {
    return this.selectAll.all().map(organisationFromRow).sort(compareOrganisationsByName);
  }
}

function organisationFromRow(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    website: row.website,
    createdAt: row.created_at,
  };
}
