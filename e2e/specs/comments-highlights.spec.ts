import type { Page } from '@playwright/test';

import { expect, test } from '../fixtures/people';
import { DraftHighlights } from '../pages/DraftHighlights';
import { seriousViolations } from '../support/accessibility';
import { onlyThreadId } from '../support/workspaceApi';

const PROBLEM = 'Problème public à résoudre';
const SENTENCE = 'Les données sont dispersées entre ministères';
const PASSAGE = 'ministères';
const KARIM_SAYS = 'Lesquels, précisément ?';
const ELISE_TYPES = 'Hélas, ';

/** What the page has selected, and whether the focus is in the draft's text. */
async function selectionInDraft(page: Page): Promise<{ text: string; focusInDraft: boolean }> {
  return page.evaluate(() => ({
    text: document.getSelection()?.toString() ?? '',
    focusInDraft: document.activeElement?.id === 'draft-text',
  }));
}

test('a commented passage is highlighted, follows the text and links to its thread by keyboard', async ({
  karim,
  elise,
  visitor,
  draft,
  facilitatorApi,
}) => {
  await Promise.all([karim.editor.open(draft), elise.editor.open(draft)]);
  const [karimPanel, elisePanel] = [karim.comments, elise.comments];
  const karimHighlights = new DraftHighlights(karim.page);
  const eliseHighlights = new DraftHighlights(elise.page);

  // Karim comments on the last word of his sentence (contributors comment outside rounds).
  await karim.editor.typeInSection(PROBLEM, SENTENCE);
  await expect(elise.editor.sectionBody(PROBLEM)).toHaveText(SENTENCE);
  await karim.editor.selectBackwards(PASSAGE);
  await karimPanel.commentOnSelection(KARIM_SAYS);
  await expect(karimPanel.threadBy('Karim Benali')).toContainText(KARIM_SAYS);

  // Both see the passage highlighted in the text, and nothing else.
  await expect.poll(() => karimHighlights.texts()).toEqual([PASSAGE]);
  await expect.poll(() => eliseHighlights.texts()).toEqual([PASSAGE]);
  const offsetBefore = await karimHighlights.offsetInBlock();
  expect(offsetBefore).toBe(SENTENCE.length - PASSAGE.length);

  // Élise types at the start of the sentence: in Karim's browser the highlight moves with it.
  await elise.editor.sectionBody(PROBLEM).click();
  await elise.page.keyboard.press('Home');
  await elise.editor.type(ELISE_TYPES);
  await expect(karim.editor.sectionBody(PROBLEM)).toHaveText(ELISE_TYPES + SENTENCE);
  await expect.poll(() => karimHighlights.offsetInBlock()).toBe(offsetBefore + ELISE_TYPES.length);
  expect(await karimHighlights.texts()).toEqual([PASSAGE]);

  // From the thread, "Voir le passage" selects the passage in the text, focus included, and
  // emphasises it as the active thread's.
  const eliseThread = elisePanel.threadBy('Karim Benali');
  await eliseThread.getByRole('button', { name: 'Voir le passage' }).click();
  await expect
    .poll(() => selectionInDraft(elise.page))
    .toEqual({
      text: PASSAGE,
      focusInDraft: true,
    });
  await expect.poll(() => eliseHighlights.texts('atelier-comment-active')).toEqual([PASSAGE]);
  await expect(eliseThread).toHaveAttribute('aria-current', 'true');

  // With the caret inside the passage, the hint says so and Alt+Shift+C opens the thread.
  await elise.page.keyboard.press('ArrowLeft');
  await elise.page.keyboard.press('ArrowRight');
  await expect(elisePanel.passageHint).toHaveText(
    "1 fil de commentaires sur ce passage — Alt+Maj+C pour l'ouvrir",
  );
  await expect(elisePanel.passageHint).toHaveAttribute('role', 'status');
  await elise.page.keyboard.press('Alt+Shift+C');
  await expect(eliseThread).toBeFocused();
  // The thread is navigable from there: Tab reaches its first control, "Voir le passage".
  await elise.page.keyboard.press('Tab');
  await expect(eliseThread.getByRole('button', { name: 'Voir le passage' })).toBeFocused();

  // Elsewhere in the text, no hint, and the shortcut does nothing.
  await elise.editor.sectionBody(PROBLEM).click();
  await elise.page.keyboard.press('Home');
  await expect(elisePanel.passageHint).toHaveText('');

  // The page with highlights and threads holds up to axe.
  expect(await seriousViolations(karim.page)).toEqual([]);

  // A link to #thread-<id> (as notifications send) opens the page with that thread focused;
  // a signed-out reader of the public consultation sees the highlight and reads, nothing more.
  const threadId = await onlyThreadId(facilitatorApi, draft.id);
  await visitor.page.goto(
    `/consultations/${draft.consultationId}/engagements/${draft.id}#thread-${threadId}`,
  );
  const visitorPanel = visitor.comments;
  await expect(visitorPanel.thread(threadId)).toBeFocused({ timeout: 15_000 });
  await expect(visitorPanel.thread(threadId)).toContainText(KARIM_SAYS);
  await expect
    .poll(() => new DraftHighlights(visitor.page).texts('atelier-comment-active'))
    .toEqual([PASSAGE]);
  await expect(visitorPanel.region.getByRole('button', { name: 'Répondre' })).toHaveCount(0);
  await expect(visitorPanel.region.getByRole('button', { name: /D'accord/ })).toHaveCount(0);
  await expect(visitorPanel.region).toContainText("D'accord : 0 · Pas d'accord : 0");
  // Read-only text: "Voir le passage" still selects it.
  await visitorPanel.thread(threadId).getByRole('button', { name: 'Voir le passage' }).click();
  await expect.poll(async () => (await selectionInDraft(visitor.page)).text).toBe(PASSAGE);
});
