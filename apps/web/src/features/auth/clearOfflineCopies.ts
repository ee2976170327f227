import { deleteDatabase, OFFLINE_DB_PREFIX } from '../../editor/collab/offlineCopy';

/**
 * Drafts kept for offline work stay in this browser's IndexedDB; signing out deletes them so
 * that the next person on a shared computer does not find them.
 */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter(
        (name): name is string => typeof name === 'string' && name.startsWith(OFFLINE_DB_PREFIX),
      )
      .map(deleteDatabase),
  );
}
