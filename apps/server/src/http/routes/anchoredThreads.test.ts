import { $isHeadingNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isRangeSelection,
  type TextNode,
} from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { anchorForQuote, draftSectionTitles, readDraft } from '@atelier/collab';
import { bindHeadlessDraftEditor, type HeadlessDraftEditor } from '@atelier/collab/draft-editor';
import type { CommentThreadDto } from '@atelier/protocol';
import type { ApiClient } from '../../testing/apiClient';
import { webSocketWithCookie } from '../../testing/cookieWebSocket';
import { eventually } from '../../testing/eventually';
import { signedInClient } from '../../testing/signedInClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import {
  anOpenRound,
  seedRolesScenario,
  type RolesScenario,
} from '../../testing/workspaceFixtures';

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  running = await startWorkspaceServer();
  scenario = await seedRolesScenario(running.context);
  await anOpenRound(running.context, scenario, 'Tour ouvert');
});
afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await running.stop();
});

interface Writer {
  readonly api: ApiClient;
  readonly doc: Y.Doc;
  readonly editor: HeadlessDraftEditor;
}

/** A person with the draft open: a headless Lexical editor bound to a real y-websocket provider. */
async function openDraft(role: 'contributor' | 'facilitator' | 'commenter'): Promise<Writer> {
  const api = await signedInClient(running.baseUrl, scenario.people[role]);
  const doc = new Y.Doc();
  const editor = bindHeadlessDraftEditor(doc);
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${running.port}/collab`,
    scenario.commitment.docName,
    doc,
    { disableBc: true, WebSocketPolyfill: webSocketWithCookie(api.sessionCookie!) },
  );
  cleanups.push(() => {
    provider.destroy();
    editor.dispose();
  });
  await eventually(() => expect(provider.synced).toBe(true));
  return { api, doc, editor };
}

function $textNodeWith(text: string): { node: TextNode; offset: number } {
  for (const node of $getRoot().getAllTextNodes()) {
    const offset = node.getTextContent().indexOf(text);
    if (offset !== -1) return { node, offset };
  }
  throw new Error(`no text node holds "${text}"`);
}

/** Types `typed` with the caret right before `before`. */
function typeBefore(writer: Writer, before: string, typed: string): void {
  writer.editor.applyEdit(() => {
    const { node, offset } = $textNodeWith(before);
    const selection = node.select(offset, offset);
    if (!$isRangeSelection(selection)) throw new Error('no range selection');
    selection.insertText(typed);
  });
}

const threadsPath = () => `/api/commitments/${scenario.commitment.id}/threads`;

describe('a thread anchored through the API while others edit the draft live', () => {
  it('stays attached through edits before and inside the passage, and detaches when it is deleted', async () => {
    const alice = await openDraft('contributor');
    const bob = await openDraft('facilitator');
    const claire = await openDraft('commenter');

    alice.editor.applyEdit(() => {
      const problem = $getRoot()
        .getChildren()
        .find(
          (block) => $isHeadingNode(block) && block.getTextContent() === draftSectionTitles.problem,
        );
      problem!.insertAfter(
        $createParagraphNode().append(
          $createTextNode('Les données des marchés publics sont dispersées.'),
        ),
      );
    });
    // Everyone must hold the paragraph before typing in it (Bob types into it below).
    for (const writer of [alice, bob, claire])
      await eventually(() =>
        expect(readDraft(writer.doc).sections.problem).toContain('dispersées'),
      );

    // Claire, a commenter who cannot edit, comments on a passage of what she sees.
    const creation = anchorForQuote(claire.doc, 'marchés publics');
    if (!creation.ok) throw new Error(creation.reason);
    const created = await eventually(async () => {
      const response = await claire.api.post<CommentThreadDto>(threadsPath(), {
        body: 'Lesquels ?',
        anchor: creation.anchor,
      });
      expect(response.status).toBe(201);
      return response.body;
    });
    expect(created.anchorStatus).toMatchObject({ status: 'attached', text: 'marchés publics' });

    const statusOf = async () =>
      (await claire.api.get<CommentThreadDto[]>(threadsPath())).body.find(
        (thread) => thread.id === created.id,
      )!.anchorStatus;

    // Bob types before the passage and Alice inside it, at the same time.
    typeBefore(bob, 'Les données', 'Aujourd’hui, ');
    typeBefore(alice, 'publics', 'et contrats ');
    await eventually(
      async () =>
        expect(await statusOf()).toMatchObject({
          status: 'attached',
          text: 'marchés et contrats publics',
        }),
      { timeoutMs: 5_000, intervalMs: 50 },
    );

    // Bob deletes the paragraph holding the passage, once Alice's words have reached him.
    await eventually(() =>
      expect(readDraft(bob.doc).sections.problem).toContain('marchés et contrats publics'),
    );
    bob.editor.applyEdit(() => {
      $textNodeWith('marchés et contrats publics').node.getParentOrThrow().remove();
    });
    await eventually(
      async () =>
        expect(await statusOf()).toEqual({ status: 'detached', quote: 'marchés publics' }),
      { timeoutMs: 5_000, intervalMs: 50 },
    );
  });
});
