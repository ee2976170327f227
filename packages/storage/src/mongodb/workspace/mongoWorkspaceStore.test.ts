import { randomUUID } from 'node:crypto';
import { MongoClient, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtelierStorage } from '../../atelierStorage';
import { aUser, describeWorkspaceStoreContract, operatorInjectionCalls } from '../../contract';
import { UniqueConstraintError } from '../../workspace/workspaceStore';
import { loadMongoDriver } from '../mongoDriver';
import { openMongoStorage } from '../openMongoStorage';
import { ConnectionState } from './connectionState';
import { createMongoWorkspaceStore } from './mongoWorkspaceStore';
import { toUniqueConstraintError } from './mongoUniqueViolation';
import { WORKSPACE_COLLECTION_NAMES, workspaceCollections } from './workspaceCollections';
import type { UserRecord } from './workspaceCollections';

// No MongoDB server is available in every environment; set MONGODB_URI to run the live tests.
const mongoUri = process.env.MONGODB_URI;

function uniqueDbName(): string {
  return `atelier_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** A database per test, because `isEmpty` is part of the contract; dropped afterwards. */
async function openOnFreshDatabase(uri: string): Promise<{
  storage: AtelierStorage;
  dbName: string;
  drop: () => Promise<void>;
}> {
  const dbName = uniqueDbName();
  const storage = await openMongoStorage({ uri, dbName });
  return {
    storage,
    dbName,
    drop: async () => {
      await storage.close();
      const client = await new MongoClient(uri).connect();
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

describe.skipIf(!mongoUri)('MongoDB workspace store', () => {
  const uri = mongoUri ?? '';

  describeWorkspaceStoreContract('MongoDB', async () => {
    const { storage, drop } = await openOnFreshDatabase(uri);
    return { store: storage.workspace, cleanup: drop };
  });

  describe('storage composition', () => {
    let opened: Awaited<ReturnType<typeof openOnFreshDatabase>>;
    let inspector: MongoClient;

    beforeAll(async () => {
      opened = await openOnFreshDatabase(uri);
      inspector = await new MongoClient(uri).connect();
    });

    afterAll(async () => {
      await inspector.close();
      await opened.drop();
    });

    it('creates the unique indexes at open', async () => {
      const db = inspector.db(opened.dbName);
      const userIndexes = await db.collection(WORKSPACE_COLLECTION_NAMES.users).indexes();
      const commitmentIndexes = await db
        .collection(WORKSPACE_COLLECTION_NAMES.commitments)
        .indexes();

      expect(userIndexes).toContainEqual(
        expect.objectContaining({ key: { emailKey: 1 }, unique: true }),
      );
      expect(commitmentIndexes).toContainEqual(
        expect.objectContaining({ key: { consultationId: 1, number: 1 }, unique: true }),
      );
    });

    it('stores the id as _id and the normalised email beside the email', async () => {
      const user = aUser({ email: 'Élise.Durand@Exemple.fr' });
      await opened.storage.workspace.users.create(user);

      const record = await inspector
        .db(opened.dbName)
        .collection<UserRecord>(WORKSPACE_COLLECTION_NAMES.users)
        .findOne({ _id: user.id });

      expect(record).toMatchObject({
        _id: user.id,
        email: 'Élise.Durand@Exemple.fr',
        emailKey: 'élise.durand@exemple.fr',
      });
    });

    it('shares one client: documents and workspace both work, and both refuse once closed', async () => {
      const { storage, drop } = await openOnFreshDatabase(uri);
      await storage.documents.appendUpdates([
        { docName: 'brouillon', update: new Uint8Array([1]) },
      ]);
      await storage.workspace.users.create(aUser());
      await drop();

      await expect(storage.documents.loadDocument('brouillon')).rejects.toThrow(/closed/);
      await expect(storage.workspace.isEmpty()).rejects.toThrow(/closed/);
    });
  });
});

describe('MongoDB workspace store without a server', () => {
  // Never connected: the driver connects on the first operation, so a call that got past the
  // argument checks would fail with a server-selection error, not with the TypeError expected.
  const UNREACHABLE_URI = 'mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=200';
  let client: MongoClient;

  beforeAll(() => {
    client = new MongoClient(UNREACHABLE_URI);
  });

  afterAll(async () => {
    await client.close();
  });

  it('rejects operator objects before building any query', async () => {
    const store = createMongoWorkspaceStore(
      workspaceCollections(client.db('atelier_offline')),
      new ConnectionState(),
    );

    for (const call of operatorInjectionCalls(store)) {
      await expect(call(), String(call)).rejects.toThrow(TypeError);
    }
  });

  it('refuses every call once its connection is closed', async () => {
    const connection = new ConnectionState();
    const store = createMongoWorkspaceStore(
      workspaceCollections(client.db('atelier_offline')),
      connection,
    );
    connection.markClosed();

    await expect(store.users.findById('user-1')).rejects.toThrow(/closed/);
    await expect(store.isEmpty()).rejects.toThrow(/closed/);
  });
});

describe('MongoDB duplicate-key mapping', () => {
  // The adapter loads the driver lazily; these tests build driver errors without connecting.
  beforeAll(async () => {
    await loadMongoDriver();
  });

  function duplicateKeyError(collection: string, index: string): MongoServerError {
    const errmsg =
      `E11000 duplicate key error collection: atelier.${collection} index: ${index} ` +
      'dup key: { value: "x" }';
    return new MongoServerError({ message: errmsg, errmsg, code: 11000 });
  }

  it.each([
    ['users', 'users_email_key_unique', 'user_email'],
    ['users', '_id_', 'primary_key'],
    ['user_identities', 'user_identities_issuer_subject_unique', 'user_external_identity'],
    ['organisations', 'organisations_name_key_unique', 'organisation_name'],
    ['consultations', 'consultations_slug_unique', 'consultation_slug'],
    ['commitments', 'commitments_consultation_number_unique', 'commitment_number'],
    ['commitments', 'commitments_doc_name_unique', 'commitment_doc_name'],
    ['invitations', 'invitations_token_hash_unique', 'invitation_token'],
    ['comment_flags', 'comment_flags_comment_flagger_unique', 'flag_duplicate'],
  ])('maps a duplicate on %s.%s to %s', (collection, index, constraint) => {
    const mapped = toUniqueConstraintError(duplicateKeyError(collection, index));

    expect(mapped).toBeInstanceOf(UniqueConstraintError);
    expect(mapped?.constraint).toBe(constraint);
  });

  it('leaves unknown indexes and other errors alone', () => {
    expect(toUniqueConstraintError(duplicateKeyError('users', 'toString'))).toBeNull();
    expect(toUniqueConstraintError(new MongoServerError({ message: 'other', code: 2 }))).toBeNull();
    expect(toUniqueConstraintError(new Error('index: _id_ dup key'))).toBeNull();
  });
});
