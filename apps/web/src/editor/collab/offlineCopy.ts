/**
 * Prefix of the IndexedDB databases holding offline copies of drafts, one per draft. Kept apart
 * from the provider so that signing out can clear them without loading the editor's code.
 */
export const OFFLINE_DB_PREFIX = 'atelier:';

export function offlineDatabaseName(docName: string): string {
  return `${OFFLINE_DB_PREFIX}${docName}`;
}

/**
 * Deletes one IndexedDB database. Resolves once it is gone, or once the browser says another
 * connection holds it open (the deletion then waits for it, and later opens queue behind the
 * deletion), or on error: nothing more can be done from here.
 */
export function deleteDatabase(name: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/** Deletes the offline copy of one draft (its edits were refused by the server). */
export function deleteOfflineCopy(docName: string): Promise<void> {
  return deleteDatabase(offlineDatabaseName(docName));
}
