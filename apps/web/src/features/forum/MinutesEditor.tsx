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
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { mayType } from '../../editor/collab/accessState';
import { useDraftCollaboration } from '../../editor/collab/useDraftCollaboration';
import { ConnectionStatus } from '../../editor/ConnectionStatus';
import { editorTheme } from '../../editor/editorTheme';
import { EditableByAccessPlugin } from '../../editor/plugins/EditableByAccessPlugin';
import { EscapeLeavesEditorPlugin } from '../../editor/plugins/EscapeLeavesEditorPlugin';
import { isAllowedLinkUrl } from '../../editor/plugins/safeLink';
import { PresenceList } from '../../editor/presence/PresenceList';
import { usePresentPeople } from '../../editor/presence/usePresentPeople';
import { ReadOnlyNotice } from '../../editor/ReadOnlyNotice';
import { Toolbar } from '../../editor/toolbar/Toolbar';

const KEYBOARD_HELP_ID = 'minutes-keyboard-help';

/**
 * A session's minutes: co-edited live like a draft (same endpoint, `/collab/<minutesDocName>`,
 * same toolbar and presence), without the comments a commitment has. The server appends the
 * polls' results and the attendance summary when the session ends.
 */
export function MinutesEditor({
  docName,
  userName,
  color,
}: {
  docName: string;
  userName: string;
  color: string;
}) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'atelier-minutes',
      nodes: [...draftNodes],
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
        <MinutesBody docName={docName} userName={userName} color={color} />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}

function MinutesBody({
  docName,
  userName,
  color,
}: {
  docName: string;
  userName: string;
  color: string;
}) {
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
  const collaboration = useDraftCollaboration({
    docName,
    color,
    persistOffline: false,
    resetEditor,
  });
  const { connection, access, provider, generation, editsDiscarded } = collaboration;
  const people = usePresentPeople(provider?.awareness ?? null, t('presence.anonymous'));
  const toolbarRef = useRef<HTMLDivElement>(null);
  const cursorsContainerRef = useRef<HTMLDivElement>(null);
  const stopped = connection.status === 'stopped';
  const editable = mayType(access) && !stopped;
  return (
    <div className="atelier-editor">
      <div className="atelier-editor__chrome">
        <div className="atelier-editor__status">
          <ConnectionStatus connection={connection} onRetry={() => provider?.connect()} />
          <PresenceList people={people} />
        </div>
        <ReadOnlyNotice access={access} stopped={stopped} editsDiscarded={editsDiscarded} />
        <Toolbar ref={toolbarRef} disabled={!editable} />
      </div>
      <div className="atelier-editor__surface" ref={cursorsContainerRef}>
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id="minutes-text"
              className="atelier-draft"
              aria-label={t('forum.minutes.textLabel')}
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
      <CollaborationPlugin
        key={generation}
        id={docName}
        providerFactory={collaboration.providerFactory}
        shouldBootstrap={false}
        username={userName}
        cursorColor={color}
        cursorsContainerRef={cursorsContainerRef}
      />
    </div>
  );
}
