import { withTimeout, forEachLimited } from '../load/waiting';
import { connectFullClient, type FullClient, type FullClientTarget } from './fullClient';

function whenSynced(client: FullClient): Promise<void> {
  if (client.isSynced()) return Promise.resolve();
  return new Promise((resolve) => client.onSynced(resolve));
}

/**
 * Connects `count` stock-provider clients, `concurrency` handshakes at a time, each given until
 * `deadlineEpochMs` to sync. Returns every client created, synced or not.
 */
export async function connectFullClients(
  target: FullClientTarget,
  count: number,
  concurrency: number,
  deadlineEpochMs: number,
): Promise<FullClient[]> {
  const clients: FullClient[] = [];
  await forEachLimited(count, concurrency, deadlineEpochMs, async () => {
    const client = connectFullClient(target);
    clients.push(client);
    await withTimeout(whenSynced(client), deadlineEpochMs - Date.now(), undefined);
  });
  return clients;
}
