import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCommentNotification, notificationOperatorInjectionCalls } from '../../contract';
import { ConnectionState } from './connectionState';
import { createMongoWorkspaceStore } from './mongoWorkspaceStore';
import { workspaceCollections } from './workspaceCollections';

// The live behaviour is the contract's (mongoWorkspaceStore.test.ts, with MONGODB_URI). These
// run everywhere: the checks that must happen before the driver is ever asked anything.
describe('MongoDB notifications without a server', () => {
  // Never connected: a call that got past the argument checks would fail with a
  // server-selection error, not with the TypeError expected.
  const UNREACHABLE_URI = 'mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=200';
  let client: MongoClient;

  beforeAll(() => {
    client = new MongoClient(UNREACHABLE_URI);
  });

  afterAll(async () => {
    await client.close();
  });

  function offlineStore(connection = new ConnectionState()) {
    return createMongoWorkspaceStore(
      workspaceCollections(client.db('atelier_offline')),
      connection,
    );
  }

  it('rejects operator objects and malformed records before building any query', async () => {
    const store = offlineStore();
    for (const call of notificationOperatorInjectionCalls(store)) {
      await expect(call(), String(call)).rejects.toThrow(TypeError);
    }
    await expect(
      store.notifications.createMany([aCommentNotification({ readAt: 'hier' })]),
    ).rejects.toThrow(TypeError);
  });

  it('answers an empty batch without a round trip', async () => {
    expect(await offlineStore().notifications.createMany([])).toEqual([]);
  });

  it('refuses every call once its connection is closed', async () => {
    const connection = new ConnectionState();
    const store = offlineStore(connection);
    connection.markClosed();

    await expect(store.notifications.countUnread('user-1')).rejects.toThrow(/closed/);
    await expect(store.notifications.createMany([])).rejects.toThrow(/closed/);
  });
});
