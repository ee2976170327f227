import { expect, test } from '../fixtures/people';
import { seriousViolations } from '../support/accessibility';
import {
  closeRoundNow,
  ok,
  onlyThreadId,
  openRound,
  stateChangingHeaders,
} from '../support/workspaceApi';

const PROBLEM = 'Problème public à résoudre';
const SENTENCE = 'Les données sont dispersées entre ministères';
/** Karim selects the last word of his sentence, key by key. */
const PASSAGE = 'ministères';
/** Markup in a comment is text: it must show as typed, never become bold. */
const KARIM_SAYS = 'Lesquels ? <b>Citez</b> les ministères.';
const JULIEN_REPLIES = 'Au moins la DINUM, et mon voisin Jean Dupont, 06 12 34 56 78.';
const HIDE_REASON = 'Données personnelles';

test('a passage is commented, answered, moderated, closed to comments and reported on', async ({
  karim,
  julien,
  camille,
  draft,
  facilitatorApi,
}) => {
  // Set up through the API, as the facilitators' screens for rounds would: a members' round on
  // this commitment only, for an hour.
  const round = await openRound(facilitatorApi, draft.consultationId, {
    title: 'Période de commentaires de bout en bout',
    commitmentIds: [draft.id],
    closesInMs: 3_600_000,
  });
  expect(round.phase).toBe('open');
  await Promise.all([
    karim.editor.open(draft),
    julien.editor.open(draft),
    camille.editor.open(draft),
  ]);
  const [karimPanel, julienPanel, camillePanel] = [
    karim.comments,
    julien.comments,
    camille.comments,
  ];
  await expect(karimPanel.region).toContainText('Aucun commentaire');

  // Karim writes a sentence, then selects its last word with the keyboard and comments on it.
  await karim.editor.typeInSection(PROBLEM, SENTENCE);
  // Everyone has the sentence: the server holds the text the anchor will point at.
  await expect(julien.editor.sectionBody(PROBLEM)).toHaveText(SENTENCE);
  await karim.editor.selectBackwards(PASSAGE);
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
  expect((await closeRoundNow(facilitatorApi, round.id)).phase).toBe('closed');
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
