import { draftNodes } from '@atelier/collab/draft-editor';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import {
  $getRoot,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  SKIP_COLLAB_TAG,
} from 'lexical';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { anchorRefusalKey } from '../features/comments/commentView';
import type { NewCommentStart } from '../features/comments/CommentsPanel';
import { LazyCommentsPanel } from '../features/comments/LazyCommentsPanel';
import { focusThread } from '../features/comments/threadFocus';
import type { CommentViewer } from '../features/comments/threadPermissions';
import { useThreads } from '../features/comments/useThreads';

import { mayType } from './collab/accessState';
import { PassageHint } from './comments/PassageHint';
import { PassageShortcutPlugin } from './comments/PassageShortcutPlugin';
import { revealPassage } from './comments/revealPassage';
import { useCollabBinding } from './comments/useCollabBinding';
import { useCommentHighlights } from './comments/useCommentHighlights';
import { useSelectedPassage } from './comments/useSelectedPassage';
import { useDraftCollaboration } from './collab/useDraftCollaboration';
import { ConnectionStatus } from './ConnectionStatus';
import { editorTheme } from './editorTheme';
import { EditableByAccessPlugin } from './plugins/EditableByAccessPlugin';
import { EscapeLeavesEditorPlugin } from './plugins/EscapeLeavesEditorPlugin';
import { isAllowedLinkUrl } from './plugins/safeLink';
import { PresenceList } from './presence/PresenceList';
import { usePresentPeople } from './presence/usePresentPeople';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { Toolbar } from './toolbar/Toolbar';

export interface CollaborativeEditorProps {
  readonly docName: string;
  /** The writer's name for their own cursor label; the server vouches for it towards others. */
  readonly userName: string;
  readonly color: string;
  /** Signed-in writers keep an offline copy; signed-out readers have nothing to keep. */
  readonly persistOffline: boolean;
  /** The text's accessible name; a commitment's draft by default (a forum's minutes reuse this). */
  readonly textLabel?: string;
  /**
   * The comments beside the draft, and what this person may do with them; null shows the draft
   * alone (a forum guest has no account to read or write comments with).
   */
  readonly comments: {
    readonly commitmentId: string;
    readonly canComment: boolean;
    readonly canModerate: boolean;
    /** For `@` mentions (members of this consultation); without it, no suggestions. */
    readonly consultationId?: string;
    /** Who reads (their own comments, flags); absent or null: read as signed out. */
    readonly viewer?: CommentViewer | null;
    /** Resolve, reopen and answer threads (facilitators, lead organisations). */
    readonly canAnswer?: boolean;
  } | null;
}

const KEYBOARD_HELP_ID = 'draft-keyboard-help';

/**
 * The commitment draft, bound to its Yjs document on `/collab/<docName>`. The server seeded
 * the OGP template when the commitment was created, so this client never bootstraps content
 * (`shouldBootstrap={false}`): ten people opening a new draft at once see the template once.
 */
export function CollaborativeEditor({
  docName,
  userName,
  color,
  persistOffline,
  textLabel,
  comments,
}: CollaborativeEditorProps) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'atelier-draft',
      nodes: [...draftNodes],
      // Collaboration owns the content: no initial state, it comes from Yjs.
      editorState: null,
      editable: false,
      theme: editorTheme,
      onError: (error) => {
        throw error;
      },
    }),
    [],
  );
  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <EditorBody
          docName={docName}
          userName={userName}
          color={color}
          persistOffline={persistOffline}
          textLabel={textLabel}
          comments={comments}
        />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}

function EditorBody({
  docName,
  userName,
  color,
  persistOffline,
  textLabel,
  comments,
}: CollaborativeEditorProps) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const resetEditor = useCallback(() => {
    editor.update(
      () => {
        $getRoot().clear();
        $setSelection(null);
      },
      { tag: SKIP_COLLAB_TAG, discrete: true },
    );
    editor.dispatchCommand(CAN_UNDO_COMMAND, false);
    editor.dispatchCommand(CAN_REDO_COMMAND, false);
  }, [editor]);
  const collaboration = useDraftCollaboration({ docName, color, persistOffline, resetEditor });
  const { connection, access, provider, generation, editsDiscarded } = collaboration;
  const people = usePresentPeople(provider?.awareness ?? null, t('presence.anonymous'));
  const toolbarRef = useRef<HTMLDivElement>(null);
  const cursorsContainerRef = useRef<HTMLDivElement>(null);
  const stopped = connection.status === 'stopped';
  const editable = mayType(access) && !stopped;
  const { binding, syncCursorPositionsFn } = useCollabBinding();
  const passage = useSelectedPassage(binding);
  const [newComment, setNewComment] = useState<NewCommentStart | null>(null);
  const threads = useThreads(comments?.commitmentId ?? null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const highlighter = useCommentHighlights(binding, threads.data, activeThreadId);
  const showPassage = useCallback(
    (threadId: string) => {
      setActiveThreadId(threadId);
      return revealPassage(editor, highlighter, threadId);
    },
    [editor, highlighter],
  );
  const openThread = useCallback((threadId: string) => {
    setActiveThreadId(threadId);
    focusThread(threadId);
  }, []);
  const { anchorSelection } = passage;
  // Stable callbacks: the panel (memoised) is not rendered again at every keystroke, when the
  // awareness (own cursor) changes and this component renders.
  const commentSelection = useCallback(() => {
    const creation = anchorSelection();
    setNewComment(
      creation.ok
        ? { kind: 'passage', anchor: creation.anchor, key: Date.now() }
        : { kind: 'refused', messageKey: anchorRefusalKey(creation), key: Date.now() },
    );
  }, [anchorSelection]);
  const closeNewComment = useCallback(() => setNewComment(null), []);

  return (
    <div className="atelier-editor-layout">
      <div className="atelier-editor">
        {/* Stays in view while scrolling a long draft: connection state must always be visible. */}
        <div className="atelier-editor__chrome">
          <div className="atelier-editor__status">
            <ConnectionStatus connection={connection} onRetry={() => provider?.connect()} />
            <PresenceList people={people} />
          </div>
          <ReadOnlyNotice access={access} stopped={stopped} editsDiscarded={editsDiscarded} />
          <Toolbar
            ref={toolbarRef}
            disabled={!editable}
            commentSelection={
              comments?.canComment
                ? { enabled: passage.hasSelection, onClick: commentSelection }
                : undefined
            }
          />
          <PassageHint highlighter={highlighter} />
        </div>
        <div className="atelier-editor__surface" ref={cursorsContainerRef}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                id="draft-text"
                className="atelier-draft"
                aria-label={textLabel ?? t('editor.textLabel')}
                aria-describedby={KEYBOARD_HELP_ID}
                aria-readonly={!editable}
                aria-placeholder={t('editor.loading')}
                placeholder={<p className="atelier-draft__placeholder">{t('editor.loading')}</p>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <p id={KEYBOARD_HELP_ID} className="fr-text--xs atelier-muted fr-mt-1w">
          {t('editor.keyboardHelp')}
        </p>
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedLinkUrl} />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasTabHandler={false} />
        <EditableByAccessPlugin editable={editable} />
        <EscapeLeavesEditorPlugin target={toolbarRef} />
        <PassageShortcutPlugin highlighter={highlighter} onOpenThread={openThread} />
        {/* A new generation is a new binding on a fresh document: refused edits are gone. */}
        <CollaborationPlugin
          key={generation}
          id={docName}
          providerFactory={collaboration.providerFactory}
          shouldBootstrap={false}
          username={userName}
          cursorColor={color}
          cursorsContainerRef={cursorsContainerRef}
          syncCursorPositionsFn={syncCursorPositionsFn}
        />
      </div>
      {comments ? (
        <LazyCommentsPanel
          commitmentId={comments.commitmentId}
          consultationId={comments.consultationId ?? null}
          viewer={comments.viewer ?? null}
          canComment={comments.canComment}
          canModerate={comments.canModerate}
          canAnswer={comments.canAnswer ?? false}
          hasSelection={passage.hasSelection}
          newComment={newComment}
          onCommentSelection={commentSelection}
          onCloseNewComment={closeNewComment}
          showPassage={showPassage}
          activeThreadId={activeThreadId}
          onActivateThread={setActiveThreadId}
        />
      ) : null}
    </div>
  );
}
