import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, CommentAnchor, CommentThread, User } from '@atelier/domain';
import { signedInClient } from '../../testing/signedInClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { aUser, seedRolesScenario, type RolesScenario } from '../../testing/workspaceFixtures';

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
let closed: RolesScenario;
let citizen: User;
const ids: Record<string, string> = {};

/** RFC 4180 read back strictly: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (character === '\n' || character === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else field += character;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

async function storeThread(
  on: RolesScenario,
  anchor: CommentAnchor | null,
  comments: { author: User; body: string }[],
  base = Date.now(),
): Promise<{ thread: CommentThread; comments: Comment[] }> {
  const { context } = running;
  const thread: CommentThread = {
    id: context.newId(),
    consultationId: on.consultation.id,
    commitmentId: on.commitment.id,
    roundId: null,
    anchor,
    status: 'open',
    createdBy: comments[0]!.author.id,
    createdAt: new Date(base).toISOString(),
    resolvedBy: null,
    resolvedAt: null,
  };
  const stored = comments.map((item, index): Comment => ({
    id: context.newId(),
    threadId: thread.id,
    authorId: item.author.id,
    body: item.body,
    mentions: [],
    createdAt: new Date(base + index * 1000).toISOString(),
    editedAt: null,
    deletedAt: null,
    hidden: null,
  }));
  await context.store.commentThreads.createThread(thread, stored[0]!);
  for (const reply of stored.slice(1)) await context.store.commentThreads.addComment(reply);
  return { thread, comments: stored };
}

beforeAll(async () => {
  running = await startWorkspaceServer();
  scenario = await seedRolesScenario(running.context, { visibility: 'public' });
  closed = await seedRolesScenario(running.context);
  citizen = await aUser(running.context, { label: 'citoyenne', publicPseudonym: 'Zoé du 11e' });
  const { store } = running.context;
  const first = await storeThread(
    scenario,
    { start: 'AAA', end: 'AAB', quote: 'publier les "données" brutes', prefix: '', suffix: '' },
    [
      { author: scenario.people.contributor, body: '=cmd()|calc' },
      { author: citizen, body: 'Ligne 1\nLigne 2, avec "guillemets"' },
      { author: scenario.people.commenter, body: 'Retiré par son auteur' },
      { author: scenario.people.observer, body: 'Propos déplacés' },
    ],
  );
  await store.commentThreads.deleteComment(first.comments[2]!.id, new Date().toISOString());
  await store.commentThreads.setCommentHidden(first.comments[3]!.id, {
    at: new Date().toISOString(),
    reason: 'Attaque personnelle',
    byRole: 'facilitator',
  });
  await store.commentThreads.setResponse({
    threadId: first.thread.id,
    disposition: 'partially_accepted',
    reason: '+ repris en partie dans la version 2',
    respondedBy: scenario.people.facilitator.id,
    respondedAt: new Date().toISOString(),
    draftVersion: null,
  });
  const second = await storeThread(
    scenario,
    null,
    [{ author: scenario.people.commenter, body: '<script>alert("x")</script> sur tout le texte' }],
    Date.now() + 60_000,
  );
  ids.firstThread = first.thread.id;
  ids.secondThread = second.thread.id;
  await storeThread(closed, null, [{ author: closed.people.contributor, body: 'Entre membres' }]);
});
afterAll(async () => running.stop());

const reportUrl = (consultationId: string, format: string) =>
  `${running.baseUrl}/api/consultations/${consultationId}/feedback-report?format=${format}`;

describe('feedback report as CSV', () => {
  it('downloads, signed out on a public consultation, one escaped row per contribution', async () => {
    const response = await fetch(reportUrl(scenario.consultation.id, 'csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?rapport-contributions-plan-test-\d+-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'Engagement',
      'Titre de l’engagement',
      'Fil',
      'Contribution',
      'Type',
      'Date',
      'Auteur',
      'Type d’organisation',
      'Passage',
      'Texte',
      'Disposition',
      'Motif',
    ]);
    // Four comments minus the deleted one, plus one in the second thread.
    expect(rows).toHaveLength(4);
    const column = (name: string) => header!.indexOf(name);
    const [first, reply, hidden, second] = rows as [string[], string[], string[], string[]];
    expect(first[column('Texte')]).toBe("'=cmd()|calc");
    expect(first[column('Auteur')]).toBe(scenario.people.contributor.displayName);
    expect(first[column('Type d’organisation')]).toBe('Administration');
    expect(first[column('Passage')]).toBe('publier les "données" brutes');
    expect(first[column('Disposition')]).toBe('Partiellement retenue');
    expect(first[column('Motif')]).toBe("'+ repris en partie dans la version 2");
    expect(reply[column('Type')]).toBe('Réponse');
    expect(reply[column('Auteur')]).toBe('Zoé du 11e');
    expect(reply[column('Type d’organisation')]).toBe('Citoyen ou citoyenne');
    expect(reply[column('Texte')]).toBe('Ligne 1\nLigne 2, avec "guillemets"');
    expect(hidden[column('Texte')]).toMatch(
      /^Masqué par la modération le .+ : Attaque personnelle$/,
    );
    expect(text).not.toContain('Propos déplacés');
    expect(text).not.toContain('Retiré par son auteur');
    expect(second[column('Fil')]).toBe(ids.secondThread);
    expect(second[column('Passage')]).toBe('Ensemble du texte');
    expect(second[column('Disposition')]).toBe('En attente de réponse');
    expect(second[column('Motif')]).toBe('');
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });
});

describe('feedback report as HTML', () => {
  it('is an accessible page where a script in a comment is text', async () => {
    const response = await fetch(reportUrl(scenario.consultation.id, 'html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<caption>Contributions \(4\)/);
    expect(html).toContain('<th scope="col">Auteur</th>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; sur tout le texte');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Partiellement retenue');
    expect(html).toContain('Attaque personnelle');
    expect(html).not.toContain('Propos déplacés');
  });
});

describe('who may read the report', () => {
  it('follows the consultation: members only when it is, and a format must be known', async () => {
    expect((await fetch(reportUrl(closed.consultation.id, 'csv'))).status).toBe(401);
    const stranger = await signedInClient(running.baseUrl, closed.people.stranger);
    const headers = { cookie: stranger.sessionCookie! };
    expect((await fetch(reportUrl(closed.consultation.id, 'html'), { headers })).status).toBe(404);
    const observer = await signedInClient(running.baseUrl, closed.people.observer);
    const allowed = await fetch(reportUrl(closed.consultation.id, 'csv'), {
      headers: { cookie: observer.sessionCookie! },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('Entre membres');
    const bad = await fetch(reportUrl(scenario.consultation.id, 'pdf'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
  });
});
