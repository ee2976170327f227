import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { loadMongoDriver } from '../mongodb/mongoDriver';
import { openMongoStorage } from '../mongodb/openMongoStorage';
import { ConnectionState } from '../mongodb/workspace/connectionState';
import { describeForumStoreContract, forumOperatorInjectionCalls } from './forumStoreContract';
import { forumCollections } from './mongoForumCollections';
import { MongoForumStore } from './mongoForumStore';

// No MongoDB server is available in every environment; set MONGODB_URI to run the live tests.
const mongoUri = process.env.MONGODB_URI;

describe.skipIf(!mongoUri)('MongoDB forum store', () => {
  const uri = mongoUri ?? '';
  describeForumStoreContract('MongoDB', async () => {
    const dbName = `atelier_forum_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const storage = await openMongoStorage({ uri, dbName });
    return {
      store: storage.forum,
      cleanup: async () => {
        await storage.close();
        const client = await new MongoClient(uri).connect();
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  });
});

describe('MongoDB forum store without a server', () => {
  it('refuses operator objects where keys belong, before any query is sent', async () => {
    await loadMongoDriver();
    // Never connected: a query that got through would hang or fail otherwise than with a TypeError.
    const client = new MongoClient('mongodb://127.0.0.1:9', { serverSelectionTimeoutMS: 200 });
    const store = new MongoForumStore(forumCollections(client.db('unused')), new ConnectionState());
    for (const call of forumOperatorInjectionCalls(store)) {
      await expect(call()).rejects.toBeInstanceOf(TypeError);
    }
    await client.close();
  });
});
