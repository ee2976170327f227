import { syncCursorPositions, type Binding, type SyncCursorPositionsFn } from '@lexical/yjs';
import { useCallback, useState } from 'react';

/**
 * The `@lexical/yjs` binding the collaboration plugin made, which `$yjsRangeFromSelection` needs
 * to turn a selection into Yjs positions. The plugin keeps its binding to itself; the one place it
 * hands it out is the cursor-sync callback it calls after applying every change from the server,
 * the first sync included. So this wraps Lexical's own `syncCursorPositions` and remembers the
 * binding it is given. Null until the draft's content has arrived: nothing is selectable before.
 *
 * The callback is stable: the plugin re-subscribes to the document when it changes.
 */
export function useCollabBinding(): {
  readonly binding: Binding | null;
  readonly syncCursorPositionsFn: SyncCursorPositionsFn;
} {
  const [binding, setBinding] = useState<Binding | null>(null);
  const syncCursorPositionsFn = useCallback<SyncCursorPositionsFn>(
    (anyBinding, provider, options) => {
      // Only the V1 binding (a root `XmlText`) has the node map positions are counted from.
      if ('collabNodeMap' in anyBinding) setBinding(anyBinding);
      syncCursorPositions(anyBinding, provider, options);
    },
    [],
  );
  return { binding, syncCursorPositionsFn };
}
