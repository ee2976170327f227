import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
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
}): DraftCollaboration {
  const { docName, color, persistOffline } = options;
  const [connection, dispatch] = useReducer(connectionReducer, initialConnectionState);
  const [serverAccess, setServerAccess] = useState<ClientAccessState>(pendingAccess);
  const [provider, setProvider] = useState<AtelierCollabProvider | null>(null);

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      let doc = yjsDocMap.get(id);
      if (!doc) {
        doc = new Y.Doc();
        yjsDocMap.set(id, doc);
      }
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

  return { providerFactory, provider, connection, access };
}
