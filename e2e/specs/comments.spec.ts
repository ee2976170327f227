import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';

import { expect, test } from '../fixtures/people';
import { CommentsPanel } from '../pages/CommentsPanel';
import { baseUrl } from '../support/baseUrl';

const PROBLEM = 'Problème public à résoudre';
const SENTENCE = 'Les données sont dispersées entre ministères';
/** Karim selects the last word of his sentence, key by key. */
const PASSAGE = 'ministères';
/** Markup in a comment is text: it must show as typed, never become bold. */
const KARIM_SAYS = 'Lesquels ? <b>Citez</b> les ministères.';
const JULIEN_REPLIES = 'Au moins la DINUM, et mon voisin Jean Dupont, 06 12 34 56 78.';
const HIDE_REASON = 'Données personnelles';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// ---- Set-up through the API, as the facilitators' screens for rounds would -----------------------

function stateChangingHeaders(): Record<string, string> {
  return { 'X-Requested-With': 'atelier', Origin: baseUrl() };
}

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok())
    throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A members' round on this commitment only, open from a minute ago for an hour. */
async function openRound(
  api: APIRequestContext,
  consultationId: string,
  commitmentId: string,
): Promise<{ id: string; phase: string }> {
  const now = Date.now();
  return ok(
    await api.post(`/api/consultations/${consultationId}/rounds`, {
      headers: stateChangingHeaders(),
      data: {
        title: 'Période de commentaires de bout en bout',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
        commitmentIds: [commitmentId],
      },
    }),
    'open a comment round',
  );
}

async function closeRound(api: APIRequestContext, roundId: string): Promise<void> {
  const round = await ok<{ phase: string }>(
    await api.patch(`/api/rounds/${roundId}`, {
      headers: stateChangingHeaders(),
      data: { closeNow: true },
    }),
    'close the comment round',
  );
  expect(round.phase).toBe('closed');
}

async function onlyThreadId(api: APIRequestContext, commitmentId: string): Promise<string> {
  const threads = await ok<{ id: string }[]>(
    await api.get(`/api/commitments/${commitmentId}/threads`),
    'list threads',
  );
  expect(threads).toHaveLength(1);
  return threads[0]!.id;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ` +
        violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | '),
    );
}

test('a passage is commented, answered, moderated, closed to comments and reported on', async ({
  karim,
  julien,
  camille,
  draft,
  facilitatorApi,
}) => {
  const round = await openRound(facilitatorApi, draft.consultationId, draft.id);
  expect(round.phase).toBe('open');
  await Promise.all([
    karim.editor.open(draft),
    julien.editor.open(draft),
    camille.editor.open(draft),
  ]);
  const [karimPanel, julienPanel, camillePanel] = [karim, julien, camille].map(
    (person) => new CommentsPanel(person.page),
  ) as [CommentsPanel, CommentsPanel, CommentsPanel];
  await expect(karimPanel.region).toContainText('Aucun commentaire');

  // Karim writes a sentence, then selects its last word with the keyboard and comments on it.
  await karim.editor.typeInSection(PROBLEM, SENTENCE);
  // Everyone has the sentence: the server holds the text the anchor will point at.
  await expect(julien.editor.sectionBody(PROBLEM)).toHaveText(SENTENCE);
  for (const _ of PASSAGE) await karim.page.keyboard.press('Shift+ArrowLeft');
  await karimPanel.commentOnSelection(KARIM_SAYS);

  const karimThread = karimPanel.threadBy('Karim Benali');
  await expect(karimThread).toContainText(KARIM_SAYS);
  await expect(karimThread.getByRole('blockquote')).toHaveText(PASSAGE);
  await expect(karimThread).toContainText('Passage commenté');
  await expect(karimThread).toContainText('administration');

  // Julien, a commenter in another browser, sees it appear without reloading, as text.
  const julienThread = julienPanel.threadBy('Karim Benali');
  await expect(julienThread).toContainText(KARIM_SAYS);
  await expect(julienThread.locator('b')).toHaveCount(0);
  await expect(julienThread.getByRole('blockquote')).toHaveText(PASSAGE);
  await julienPanel.reply(julienThread, JULIEN_REPLIES);
  await expect(karimThread).toContainText(JULIEN_REPLIES);
  await expect(karimThread).toContainText('Julien Petit');

  // Camille, facilitator, hides the reply with a reason; both see the trace, not the words.
  const camilleThread = camillePanel.threadBy('Karim Benali');
  await expect(camilleThread).toContainText(JULIEN_REPLIES);
  await camillePanel.hide(camilleThread, 'Julien Petit', HIDE_REASON);
  const trace = new RegExp(`Masqué par la modération le \\d{1,2} \\S+ \\d{4} : ${HIDE_REASON}`);
  for (const thread of [karimThread, julienThread, camilleThread]) {
    await expect(thread).toContainText(trace);
    await expect(thread).not.toContainText(JULIEN_REPLIES);
    await expect(thread).toContainText(KARIM_SAYS);
  }

  // The round closes; Julien selects a passage and tries to comment: refused, and told why.
  await closeRound(facilitatorApi, round.id);
  await julien.editor.sectionBody(PROBLEM).selectText();
  await expect(julienPanel.commentSelectionInToolbar).toBeEnabled();
  await julienPanel.commentOnSelection('Un commentaire trop tard.');
  await expect(julienPanel.newCommentForm.getByRole('alert')).toHaveText(
    "Les commentaires ne sont pas ouverts sur cet engagement en ce moment : aucune période de commentaires n'est en cours, ou elle est close.",
  );
  await expect(karimPanel.region).not.toContainText('Un commentaire trop tard.');

  // The reasoned response, recorded through the API, shows in the thread and in the report.
  const threadId = await onlyThreadId(facilitatorApi, draft.id);
  const reason = 'Intégré au jalon 2 : la liste des ministères concernés.';
  await ok(
    await facilitatorApi.put(`/api/threads/${threadId}/response`, {
      headers: stateChangingHeaders(),
      data: { disposition: 'accepted', reason },
    }),
    'record the reasoned response',
  );
  await expect(karimThread).toContainText('Réponse motivée : retenue');
  await expect(karimThread).toContainText(reason);

  const report = await facilitatorApi.get(
    `/api/consultations/${draft.consultationId}/feedback-report?format=csv`,
  );
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toContain('text/csv');
  // The report covers the whole consultation: read the lines of this thread only.
  const lines = (await report.text()).split(/\r\n/).filter((line) => line.includes(threadId));
  expect(lines, 'the report lists Karim’s comment and Julien’s reply').toHaveLength(2);
  const [karimLine, julienLine] = lines as [string, string];
  expect(karimLine).toContain(KARIM_SAYS);
  expect(karimLine).toContain('Karim Benali');
  expect(karimLine).toContain(PASSAGE);
  expect(karimLine).toContain('Retenue');
  expect(karimLine).toContain(reason);
  // The hidden reply is reported by its trace, never by its words.
  expect(julienLine).toContain(`Masqué par la modération le`);
  expect(julienLine).toContain(HIDE_REASON);
  expect(julienLine).not.toContain(JULIEN_REPLIES);

  // The page with the panel and everything in it holds up to axe.
  expect(await seriousViolations(karim.page)).toEqual([]);

  // On second thoughts Camille restores the reply: Julien's words are back for everyone.
  await camillePanel.restore(camilleThread, 'Julien Petit', 'Numéro de téléphone fictif');
  await expect(julienThread).toContainText(JULIEN_REPLIES);
  await expect(julienThread).not.toContainText(trace);
});
