/**
 * Prefix of the IndexedDB databases holding offline copies of drafts, one per draft. Kept apart
 * from the provider so that signing out can clear them without loading the editor's code.
 */
export const OFFLINE_DB_PREFIX = 'atelier:';

export function offlineDatabaseName(docName: string): string {
  return `${OFFLINE_DB_PREFIX}${docName}`;
}
