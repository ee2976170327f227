import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import * as Y from 'yjs';

import { collabServerUrl } from '../../lib/collabUrl';
import { withTrustedCursorLabels } from '../presence/presenceStates';
import { pendingAccess, type ClientAccessState } from './accessState';
import { AtelierCollabProvider } from './atelierCollabProvider';
import { readCachedAccess, writeCachedAccess } from './cachedAccess';
import { connectionReducer, initialConnectionState, type ConnectionState } from './connectionState';

export interface DraftCollaboration {
  readonly providerFactory: (id: string, yjsDocMap: Map<string, Y.Doc>) => Provider;
  readonly provider: AtelierCollabProvider | null;
  readonly connection: ConnectionState;
  /** What the server said, or while offline without an answer yet, what it said last time. */
  readonly access: ClientAccessState;
  /**
   * Counts the documents thrown away because the server refused their edits. The collaboration
   * plugin is keyed by it: a new generation binds the editor to a fresh document.
   */
  readonly generation: number;
  /** Edits typed here were refused and discarded; said until the person may edit again. */
  readonly editsDiscarded: boolean;
}

/**
 * Lexical's presence hooks read the awareness through the Provider interface; this view of our
 * provider hands them states whose cursor labels come from the server's `user`.
 */
function lexicalProviderView(provider: AtelierCollabProvider): Provider {
  const awareness = provider.awareness;
  return {
    awareness: {
      getLocalState: () => awareness.getLocalState() as never,
      getStates: () =>
        withTrustedCursorLabels(awareness.getStates() as never, awareness.clientID) as never,
      on: (type, callback) => awareness.on(type, callback),
      off: (type, callback) => awareness.off(type, callback),
      setLocalState: (state) => awareness.setLocalState(state),
      setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    },
    connect: () => provider.connect(),
    disconnect: () => provider.disconnect(),
    on: (type: never, callback: never) => provider.on(type, callback),
    off: (type: never, callback: never) => provider.off(type, callback),
  } as Provider;
}

export function useDraftCollaboration(options: {
  docName: string;
  color: string;
  persistOffline: boolean;
  /**
   * Empties the editor without touching any document (Lexical's SKIP_COLLAB tag), before the
   * next generation binds it to a fresh document that fills it from the server.
   */
  resetEditor: () => void;
}): DraftCollaboration {
  const { docName, color, persistOffline, resetEditor } = options;
  const [connection, dispatch] = useReducer(connectionReducer, initialConnectionState);
  const [serverAccess, setServerAccess] = useState<ClientAccessState>(pendingAccess);
  const [provider, setProvider] = useState<AtelierCollabProvider | null>(null);
  const [generation, setGeneration] = useState(0);
  const [editsDiscarded, setEditsDiscarded] = useState(false);
  /** Documents holding refused edits; Lexical's document map may still hand one back. */
  const discardedDocs = useRef(new WeakSet<Y.Doc>());
  const resetEditorRef = useRef(resetEditor);
  useEffect(() => {
    resetEditorRef.current = resetEditor;
  }, [resetEditor]);

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      let doc = yjsDocMap.get(id);
      if (!doc || discardedDocs.current.has(doc)) {
        doc = new Y.Doc();
        yjsDocMap.set(id, doc);
      }
      const ownDoc = doc;
      const created = new AtelierCollabProvider({
        serverUrl: collabServerUrl(),
        docName,
        doc,
        color,
        persistOffline,
        listeners: {
          onConnection: dispatch,
          onAccess: (state) => {
            setServerAccess(state);
            writeCachedAccess(docName, state);
            if (state.access === 'edit') setEditsDiscarded(false);
          },
          onLocalChangesDiscarded: (readOnlyReason) => {
            discardedDocs.current.add(ownDoc);
            // The server said why before refusing; should that word be missing, this says it.
            setServerAccess((current) =>
              current.access === 'edit' || current.access === 'pending'
                ? { access: 'view', readOnlyReason }
                : current,
            );
            setEditsDiscarded(true);
            resetEditorRef.current();
            setGeneration((current) => current + 1);
          },
        },
      });
      setProvider(created);
      return lexicalProviderView(created);
    },
    [docName, color, persistOffline],
  );

  // The Lexical plugin disconnects its provider on unmount; timers, listeners and the
  // IndexedDB handle are ours to release.
  useEffect(() => () => provider?.destroy(), [provider]);

  const access = useMemo(() => {
    if (serverAccess.access !== 'pending' || connection.status !== 'offline') return serverAccess;
    return readCachedAccess(docName) ?? serverAccess;
  }, [serverAccess, connection.status, docName]);

  return { providerFactory, provider, connection, access, generation, editsDiscarded };
}
