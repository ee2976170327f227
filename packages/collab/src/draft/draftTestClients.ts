import * as Y from 'yjs';

import { bindHeadlessDraftEditor, type HeadlessDraftEditor } from './headlessDraftEditor';

/** Test support: a headless client of one draft, with what it sends to the server. */
export interface DraftTestClient extends HeadlessDraftEditor {
  readonly doc: Y.Doc;
  /** The Yjs updates this client produced itself, in order, as a provider would send them. */
  readonly sentUpdates: Uint8Array[];
}

const FROM_SERVER = 'server';

/**
 * Joins a draft the way the web client does with `shouldBootstrap` off: an empty Y.Doc, the
 * editor bound first, then the server's state arriving through sync.
 */
export function joinDraft(serverState: Uint8Array): DraftTestClient {
  const doc = new Y.Doc();
  const bound = bindHeadlessDraftEditor(doc);
  const sentUpdates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_SERVER) sentUpdates.push(update);
  });
  Y.applyUpdate(doc, serverState, FROM_SERVER);
  bound.editor.read(() => undefined); // commit the synced state, as the browser's next tick would
  return { ...bound, doc, sentUpdates };
}

/** A server-side copy of a draft, holding the seed and whatever clients sent. */
export function serverDocFrom(...updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}
