import { $isHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { draftSectionTitles, readDraft } from '@atelier/collab';
import { bindHeadlessDraftEditor } from '@atelier/collab/draft-editor';
import type {
  CommentRoundDto,
  CommentThreadDto,
  CommitmentDto,
  ConsultationDto,
  ForumSessionDto,
} from '@atelier/protocol';
import { docFromStored } from '../../collab/storedDocument';
import { ApiClient } from '../../testing/apiClient';
import { webSocketWithCookie } from '../../testing/cookieWebSocket';
import { eventually } from '../../testing/eventually';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { demoCommitments, demoPassword } from './demoContent';
import { loadDemoWorkspace } from './loadDemoWorkspace';

let running: RunningWorkspaceServer;

beforeAll(async () => {
  running = await startWorkspaceServer();
  await loadDemoWorkspace(running.context, { forum: running.server.forum });
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

const DAY_MS = 24 * 3_600_000;

async function demoPlanOf(api: ApiClient) {
  const [plan] = (await api.get<ConsultationDto[]>('/api/consultations')).body;
  const commitments = (await api.get<CommitmentDto[]>(`/api/consultations/${plan!.id}/commitments`))
    .body;
  return { plan: plan!, commitments };
}

/** Everything the discussion part of the demo wrote, as a visitor reads it through the API. */
async function discussionSnapshot(api: ApiClient) {
  const { plan, commitments } = await demoPlanOf(api);
  const rounds = (await api.get<CommentRoundDto[]>(`/api/consultations/${plan.id}/rounds`)).body;
  const threads = (
    await Promise.all(
      commitments.map(
        async (c) => (await api.get<CommentThreadDto[]>(`/api/commitments/${c.id}/threads`)).body,
      ),
    )
  ).flat();
  return { plan, commitments, rounds, threads };
}

describe('the demo discussion (comment rounds, threads, forum)', () => {
  it('has an open public round on the first commitment only and a closed round on the second', async () => {
    const { rounds, commitments } = await discussionSnapshot(new ApiClient(running.baseUrl));
    const open = rounds.find((round) => round.phase === 'open');
    const closed = rounds.find((round) => round.phase === 'closed');
    expect(rounds).toHaveLength(2);
    expect(open).toMatchObject({ audience: 'public', commitmentIds: [commitments[0]!.id] });
    expect(closed).toMatchObject({ commitmentIds: [commitments[1]!.id] });
    // Opened a few days ago, closes in about three weeks: the demo is current whenever it loads.
    const now = Date.now();
    expect(now - Date.parse(open!.opensAt)).toBeGreaterThan(DAY_MS);
    expect(now - Date.parse(open!.opensAt)).toBeLessThan(7 * DAY_MS);
    expect(Date.parse(open!.closesAt) - now).toBeGreaterThan(20 * DAY_MS);
    expect(Date.parse(closed!.closesAt)).toBeLessThan(now);
    expect(open!.participation[0]).toMatchObject({ commitmentId: commitments[0]!.id, threads: 3 });
  });

  it('has threads by an administration, an association and a citizen, two anchored to passages still in the drafts', async () => {
    const { threads, commitments } = await discussionSnapshot(new ApiClient(running.baseUrl));
    expect(threads.length).toBeGreaterThanOrEqual(4);
    const kinds = new Set(threads.flatMap((t) => t.comments.map((c) => c.author?.participantKind)));
    expect([...kinds].sort()).toEqual(['administration', 'citizen', 'civil_society']);
    const anchored = threads.filter((t) => t.anchor !== null);
    expect(anchored.length).toBeGreaterThanOrEqual(2);
    for (const thread of anchored) {
      expect(thread.anchorStatus).toMatchObject({ status: 'attached', text: thread.anchor!.quote });
    }
    expect(new Set(anchored.map((t) => t.commitmentId))).toEqual(
      new Set([commitments[0]!.id, commitments[1]!.id]),
    );
    expect(threads.some((t) => t.comments.length > 1)).toBe(true);
    const reactions = threads.flatMap((t) => t.comments.map((c) => c.reactions));
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(reactions.some((r) => total(r.agree) > 0)).toBe(true);
    expect(reactions.some((r) => total(r.disagree) > 0)).toBe(true);
  });

  it('answers one thread of the closed round (partially accepted, with a reason) and the report shows it', async () => {
    const visitor = new ApiClient(running.baseUrl);
    const { threads, rounds, plan } = await discussionSnapshot(visitor);
    const closed = rounds.find((round) => round.phase === 'closed')!;
    const answered = threads.filter((t) => t.response !== null);
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({
      roundId: closed.id,
      status: 'resolved',
      resolvedBy: { displayName: 'Karim Benali' },
      response: { disposition: 'partially_accepted', respondedBy: { displayName: 'Karim Benali' } },
    });
    expect(answered[0]!.response!.reason).toMatch(/deux opérateurs volontaires/);

    const report = await fetch(
      `${running.baseUrl}/api/consultations/${plan.id}/feedback-report?format=csv`,
    );
    expect(report.status).toBe(200);
    const csv = await report.text();
    expect(csv).toContain('deux opérateurs volontaires');
    expect(csv).toContain(demoCommitments[1]!.title);
  });

  it("schedules tomorrow's hybrid forum open to guest comments, on three commitments after a welcome", async () => {
    const api = new ApiClient(running.baseUrl);
    await api.signIn('animatrice@atelier.demo', demoPassword);
    const { plan, commitments } = await demoPlanOf(api);
    const sessions = (
      await api.get<ForumSessionDto[]>(`/api/consultations/${plan.id}/forum-sessions`)
    ).body;
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session).toMatchObject({
      status: 'scheduled',
      format: 'hybrid',
      guestPolicy: 'comment',
    });
    expect(session!.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    const startsIn = Date.parse(session!.scheduledAt) - Date.now();
    expect(startsIn).toBeGreaterThan(0);
    expect(startsIn).toBeLessThan(2 * DAY_MS);
    expect(session!.agenda.map((item) => item.commitmentId)).toEqual([
      null,
      commitments[0]!.id,
      commitments[1]!.id,
      commitments[2]!.id,
    ]);
  });

  it('leaves the seeded drafts as they were: written by their seed alone', async () => {
    const { commitments } = await demoPlanOf(new ApiClient(running.baseUrl));
    // The first draft is edited by the test above; the second carries anchors.
    for (const commitment of commitments.slice(1)) {
      const doc = docFromStored(await running.storage.documents.loadDocument(commitment.docName));
      expect(Y.decodeStateVector(Y.encodeStateVector(doc)).size).toBe(1);
    }
  });

  it('loading it again creates nothing twice', async () => {
    const visitor = new ApiClient(running.baseUrl);
    const before = await discussionSnapshot(visitor);
    const facilitator = new ApiClient(running.baseUrl);
    await facilitator.signIn('animatrice@atelier.demo', demoPassword);
    const sessionsPath = `/api/consultations/${before.plan.id}/forum-sessions`;
    const sessionsBefore = (await facilitator.get<ForumSessionDto[]>(sessionsPath)).body;

    await loadDemoWorkspace(running.context, { forum: running.server.forum });

    const after = await discussionSnapshot(visitor);
    expect((await visitor.get<ConsultationDto[]>('/api/consultations')).body).toHaveLength(1);
    expect(after.commitments.map((c) => c.id)).toEqual(before.commitments.map((c) => c.id));
    expect(after.rounds.map((r) => r.id)).toEqual(before.rounds.map((r) => r.id));
    expect(after.threads.map((t) => [t.id, t.comments.length])).toEqual(
      before.threads.map((t) => [t.id, t.comments.length]),
    );
    expect(after.threads.map((t) => t.comments.map((c) => c.reactions))).toEqual(
      before.threads.map((t) => t.comments.map((c) => c.reactions)),
    );
    const sessionsAfter = (await facilitator.get<ForumSessionDto[]>(sessionsPath)).body;
    expect(sessionsAfter.map((s) => s.id)).toEqual(sessionsBefore.map((s) => s.id));
  });
});
