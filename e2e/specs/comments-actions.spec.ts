import type { APIRequestContext } from '@playwright/test';

import { expect, test } from '../fixtures/people';
import { listThreads, ok } from '../support/workspaceApi';

const PROBLEM = 'Problème public à résoudre';
const SENTENCE = 'Chaque ministère publie ses données à sa façon';
const PASSAGE = 'à sa façon';
const FIRST_WORDS = 'Il faudrait un format commun.';
const EDITED_WORDS = 'Il faudrait un format commun, ouvert.';
const ELISE_REPLIES = 'D’accord, avec un schéma publié.';
const FLAG_REASON = 'Propos hors sujet';

async function moderationQueueCommentIds(
  api: APIRequestContext,
  consultationId: string,
): Promise<string[]> {
  const queue = await ok<{ comment: { id: string } }[]>(
    await api.get(`/api/consultations/${consultationId}/moderation-queue`),
    'read the moderation queue',
  );
  return queue.map((item) => item.comment.id);
}

async function threadIdsOf(api: APIRequestContext, commitmentId: string): Promise<string[]> {
  return (await listThreads(api, commitmentId)).map((thread) => thread.id);
}

async function commentIdsOf(api: APIRequestContext, commitmentId: string): Promise<string[]> {
  const threads = await listThreads(api, commitmentId);
  return threads.flatMap((thread) => thread.comments.map((comment) => comment.id));
}

test('comment actions: edit, mention, agree, flag, resolve and reopen, respond, delete', async ({
  karim,
  elise,
  camille,
  draft,
  facilitatorApi,
}) => {
  await Promise.all([
    karim.editor.open(draft),
    elise.editor.open(draft),
    camille.editor.open(draft),
  ]);
  const [karimPanel, elisePanel, camillePanel] = [karim.comments, elise.comments, camille.comments];

  await karim.editor.typeInSection(PROBLEM, SENTENCE);
  await expect(elise.editor.sectionBody(PROBLEM)).toHaveText(SENTENCE);
  await karim.editor.selectBackwards(PASSAGE);
  await karimPanel.commentOnSelection(FIRST_WORDS);
  await expect(karimPanel.threadBy('Karim Benali')).toContainText(FIRST_WORDS);
  // By id: the heading names the first comment's author, who will delete it below.
  const [threadId] = await threadIdsOf(facilitatorApi, draft.id);
  const karimThread = karimPanel.thread(threadId!);
  const eliseThread = elisePanel.thread(threadId!);
  const camilleThread = camillePanel.thread(threadId!);
  await expect(eliseThread).toContainText(FIRST_WORDS);

  // Karim edits his comment; Élise sees the new words, marked as edited. Others cannot edit it.
  await expect(eliseThread.getByRole('button', { name: 'Modifier mon commentaire' })).toHaveCount(
    0,
  );
  await karimPanel.editOwn(karimThread, EDITED_WORDS);
  await expect(eliseThread).toContainText(EDITED_WORDS);
  await expect(eliseThread).toContainText('modifié');

  // Élise agrees: the count changes live in Karim's browser, split by organisation kind.
  await eliseThread.getByRole('button', { name: "D'accord · 0", exact: true }).click();
  await expect(
    eliseThread.getByRole('button', { name: "D'accord · 1", exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    karimThread.getByRole('button', { name: "D'accord · 1", exact: true }),
  ).toHaveAttribute('aria-pressed', 'false');
  await expect(karimThread).toContainText("D'accord : 1 société civile");
  // Pressing it again withdraws it, for everyone.
  await eliseThread.getByRole('button', { name: "D'accord · 1", exact: true }).click();
  await expect(
    karimThread.getByRole('button', { name: "D'accord · 0", exact: true }),
  ).toBeVisible();
  await expect(karimThread).not.toContainText('société civile');

  // Élise replies mentioning Karim, picked with the keyboard from the @ suggestions.
  await eliseThread.getByRole('button', { name: 'Répondre', exact: true }).click();
  const replyBox = eliseThread.getByLabel('Votre réponse');
  await replyBox.pressSequentially('Merci @Kar', { delay: 20 });
  const suggestions = eliseThread.getByRole('listbox', { name: 'Membres à mentionner' });
  await expect(suggestions.getByRole('option', { name: 'Karim Benali' })).toBeVisible();
  await expect(replyBox).toHaveAttribute(
    'aria-activedescendant',
    (await suggestions.getByRole('option').first().getAttribute('id'))!,
  );
  await replyBox.press('Enter');
  await expect(replyBox).toHaveValue('Merci @Karim Benali ');
  await expect(suggestions).toHaveCount(0);
  await replyBox.pressSequentially(ELISE_REPLIES, { delay: 5 });
  await eliseThread.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(karimThread).toContainText(ELISE_REPLIES);
  await expect(karimThread.locator('.atelier-mention')).toHaveText('@Karim Benali');

  // Karim flags Élise's reply; the facilitators' queue has it, and he cannot flag it twice.
  await karimPanel.flag(karimThread, 'Élise Moreau', FLAG_REASON);
  await expect(
    karimThread.getByRole('status').filter({ hasText: 'Signalement envoyé' }),
  ).toBeVisible();
  const [, eliseReplyId] = await commentIdsOf(facilitatorApi, draft.id);
  expect(await moderationQueueCommentIds(facilitatorApi, draft.consultationId)).toContain(
    eliseReplyId,
  );

  // Karim (no lead organisation of this commitment) is not offered to resolve; Camille is.
  await expect(karimThread.getByRole('button', { name: 'Marquer comme résolu' })).toHaveCount(0);
  await camilleThread.getByRole('button', { name: 'Marquer comme résolu' }).click();
  await expect(karimThread.getByText('Résolu', { exact: true })).toBeVisible();
  await camilleThread.getByRole('button', { name: 'Rouvrir le fil' }).click();
  await expect(karimThread.getByText('Résolu', { exact: true })).toHaveCount(0);
  await expect(camilleThread.getByRole('button', { name: 'Marquer comme résolu' })).toBeVisible();

  // Camille records the reasoned response, with the draft version; everyone reads it.
  await camillePanel.respond(
    camilleThread,
    'partiellement retenue',
    'Un schéma commun sera proposé au jalon 2.',
    'v2 du 12 mars',
  );
  await expect(karimThread).toContainText('Réponse motivée : partiellement retenue');
  await expect(karimThread).toContainText('Un schéma commun sera proposé au jalon 2.');
  await expect(karimThread).toContainText('Prise en compte dans la version : v2 du 12 mars');

  // Karim deletes his comment: Élise's reply keeps the thread, with "Commentaire supprimé".
  await karimPanel.deleteOwn(karimThread);
  await expect(eliseThread).toContainText('Commentaire supprimé');
  await expect(eliseThread).not.toContainText(EDITED_WORDS);
  await expect(eliseThread).toContainText(ELISE_REPLIES);
});
