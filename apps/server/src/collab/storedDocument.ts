import * as Y from 'yjs';
import type { StoredDocument } from '@atelier/storage';

/** Builds a Y.Doc from what the store holds: the snapshot, then the log, in one transaction. */
export function docFromStored(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  // One transaction for the whole history: Yjs then integrates and cleans up once.
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
