import { $isHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { draftSectionTitles, readDraft } from '@atelier/collab';
import { bindHeadlessDraftEditor } from '@atelier/collab/draft-editor';
import type { CommitmentDto, ConsultationDto } from '@atelier/protocol';
import { ApiClient } from '../../testing/apiClient';
import { webSocketWithCookie } from '../../testing/cookieWebSocket';
import { eventually } from '../../testing/eventually';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { demoPassword } from './demoContent';
import { loadDemoWorkspace } from './loadDemoWorkspace';

let running: RunningWorkspaceServer;

beforeAll(async () => {
  running = await startWorkspaceServer();
  await loadDemoWorkspace(running.context);
});
afterAll(async () => running.stop());

describe('the demo workspace', () => {
  it('holds the 2021-2023 plan, public and open, with its six commitments', async () => {
    const visitor = new ApiClient(running.baseUrl);
    const consultations = await visitor.get<ConsultationDto[]>('/api/consultations');
    expect(consultations.body).toHaveLength(1);
    const plan = consultations.body[0]!;
    expect(plan).toMatchObject({
      status: 'open',
      visibility: 'public',
      slug: 'plan-action-gouvernement-ouvert-2021-2023',
    });
    const commitments = await visitor.get<CommitmentDto[]>(
      `/api/consultations/${plan.id}/commitments`,
    );
    expect(commitments.body.map((c) => [c.number, c.theme.kind])).toEqual([
      [1, 'transversal'],
      [2, 'transversal'],
      [3, 'transversal'],
      [4, 'thematic'],
      [5, 'thematic'],
      [6, 'thematic'],
    ]);
    expect(commitments.body[0]!.leadOrganisations[0]?.name).toMatch(/DITP/);
  });

  it('every demo account signs in and sees its role', async () => {
    for (const [email, role] of [
      ['animatrice@atelier.demo', 'facilitator'],
      ['agent@atelier.demo', 'contributor'],
      ['citoyen@atelier.demo', 'commenter'],
      ['observatrice@atelier.demo', 'observer'],
    ] as const) {
      const api = new ApiClient(running.baseUrl);
      const me = await api.signIn(email, demoPassword);
      expect((me.body as { memberships: Array<{ role: string }> }).memberships[0]?.role).toBe(role);
    }
  });

  it('a draft opens with its template and text, and an edit reaches the read model with its author', async () => {
    const api = new ApiClient(running.baseUrl);
    await api.signIn('agent@atelier.demo', demoPassword);
    const [plan] = (await api.get<ConsultationDto[]>('/api/consultations')).body;
    const [first] = (await api.get<CommitmentDto[]>(`/api/consultations/${plan!.id}/commitments`))
      .body;

    const doc = new Y.Doc();
    // Bound before any content arrives, as the web client's collaboration plugin does.
    const editor = bindHeadlessDraftEditor(doc);
    const provider = new WebsocketProvider(
      `ws://127.0.0.1:${running.port}/collab`,
      first!.docName,
      doc,
      {
        disableBc: true,
        WebSocketPolyfill: webSocketWithCookie(api.sessionCookie!),
      },
    );
    try {
      await eventually(() => expect(provider.synced).toBe(true));
      const opened = readDraft(doc);
      expect(opened.title).toBe(first!.title);
      expect(opened.sections.problem).toMatch(/rarement associés/);
      expect(opened.milestones).toHaveLength(2);

      editor.applyEdit(() => {
        const objective = $getRoot()
          .getChildren()
          .find(
            (block) =>
              $isHeadingNode(block) && block.getTextContent() === draftSectionTitles.objective,
          );
        objective!.insertAfter(
          $createParagraphNode().append($createTextNode('Ajout de Karim pendant le forum.')),
        );
      });
      await eventually(
        async () => {
          const commitment = (await api.get<CommitmentDto>(`/api/commitments/${first!.id}`)).body;
          expect(commitment.draft.sections.objective).toContain('Ajout de Karim pendant le forum.');
          expect(commitment.draft.contributors.map((c) => c.displayName)).toContain('Karim Benali');
          expect(commitment.draft.lastEditedAt).not.toBeNull();
        },
        { timeoutMs: 5_000, intervalMs: 100 },
      );
    } finally {
      provider.destroy();
      editor.dispose();
    }
  });
});
