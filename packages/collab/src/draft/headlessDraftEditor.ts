import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
  type ProviderAwareness,
} from '@lexical/yjs';
import { SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';

import { draftNodes } from './draftNodes';
import { DRAFT_ROOT_NAME } from './draftYjsTree';

/** A Lexical editor without DOM that knows the draft's nodes. */
export function createDraftEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'atelier-draft',
    nodes: [...draftNodes],
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * The binding only reaches its provider for awareness (cursors, selections). A headless editor has
 * neither, and an awareness with no local state makes every cursor sync return early, so this
 * stands in for a network provider without touching a DOM.
 */
const noAwareness: ProviderAwareness = {
  getLocalState: () => null,
  getStates: () => new Map(),
  on: () => undefined,
  off: () => undefined,
  setLocalState: () => undefined,
  setLocalStateField: () => undefined,
};

const detachedProvider: Provider = {
  awareness: noAwareness,
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
};

// Remote cursors are drawn into the DOM; a headless editor has none to draw.
const skipCursorRendering = (): void => undefined;

export interface HeadlessDraftEditor {
  readonly editor: LexicalEditor;
  readonly binding: Binding;
  /**
   * Runs an edit and writes it to Yjs before returning. Prefer it to `editor.update`: remote
   * changes reach the editor as a pending update tagged "collaboration", and an edit merged into
   * that pending update inherits the tag, so the binding would never send it to Yjs.
   */
  readonly applyEdit: (edit: () => void) => void;
  /** Stops syncing in both directions; the Y.Doc is left as it is. */
  readonly dispose: () => void;
}

/**
 * Binds a headless Lexical editor to a draft's Y.Doc exactly as `@lexical/react`'s
 * `CollaborationPlugin` (its `useYjsCollaboration` hook) does, minus the network and the cursors:
 * Lexical updates go to Yjs through `syncLexicalUpdateToYjs`, Yjs changes from other origins come
 * back through `syncYjsChangesToLexical`.
 *
 * Like the plugin, it loads content that arrives after binding (a provider's sync) and nothing
 * before: the doc's root must still be empty. Changes from Yjs reach the editor in Lexical's next
 * microtask; `editor.read()` commits them at once.
 */
export function bindHeadlessDraftEditor(doc: Y.Doc, id = 'draft'): HeadlessDraftEditor {
  const sharedRoot = doc.get(DRAFT_ROOT_NAME, Y.XmlText);
  if (sharedRoot.length > 0) {
    throw new Error(
      'bindHeadlessDraftEditor: the document already has content; bind first, then apply updates',
    );
  }
  const editor = createDraftEditor();
  const binding = createYjsBinding({
    editor,
    id,
    doc,
    docMap: new Map([[id, doc]]),
    rootName: DRAFT_ROOT_NAME,
  });

  // Yjs types the deep-observer events loosely; @lexical/yjs wants them as text events.
  const onYjsChanges = (events: Y.YEvent<Y.Text>[], transaction: Y.Transaction): void => {
    if (transaction.origin === binding) return; // our own write, already in the editor
    syncYjsChangesToLexical(
      binding,
      detachedProvider,
      events,
      transaction.origin instanceof Y.UndoManager,
      skipCursorRendering,
    );
  };
  binding.root.getSharedType().observeDeep(onYjsChanges);

  const removeUpdateListener = editor.registerUpdateListener((update) => {
    if (update.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      detachedProvider,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    );
  });

  return {
    editor,
    binding,
    applyEdit: (edit) => {
      editor.read(() => undefined); // commits pending remote changes on their own
      editor.update(edit, { discrete: true });
    },
    dispose: () => {
      binding.root.getSharedType().unobserveDeep(onYjsChanges);
      removeUpdateListener();
    },
  };
}
