import { expect, test } from '../fixtures/people';
import { seriousViolations } from '../support/accessibility';
import { DEMO_CONSULTATION_TITLE } from '../support/workspaceApi';

test.describe('accessibility (axe, WCAG 2.1 AA: nothing serious or critical)', () => {
  test('the sign-in page', async ({ visitor }) => {
    await visitor.signInPage.open();
    expect(await seriousViolations(visitor.page)).toEqual([]);
  });

  test('the consultation page', async ({ karim, consultationId }) => {
    await karim.consultation.open(consultationId, DEMO_CONSULTATION_TITLE);
    expect(await seriousViolations(karim.page)).toEqual([]);
  });

  test('the editor page, with someone else in the draft', async ({ karim, elise, draft }) => {
    await Promise.all([karim.editor.open(draft), elise.editor.open(draft)]);
    await elise.editor.typeInSection('Problème public à résoudre', 'Un curseur à côté.');
    await expect(karim.editor.remoteCursor('Élise Moreau')).toBeVisible();
    expect(await seriousViolations(karim.page)).toEqual([]);
  });

  test('the editor page, read-only', async ({ sophie, draft }) => {
    await sophie.editor.open(draft);
    await expect(sophie.editor.readOnlyNotice).toBeVisible();
    expect(await seriousViolations(sophie.page)).toEqual([]);
  });
});

test('the editor works with the keyboard alone', async ({ karim, draft }) => {
  const { page, editor } = karim;
  await editor.open(draft);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // Tab from the top of the page until the focus is in the text (no mouse).
  const isInText = () => page.evaluate(() => document.activeElement?.id === 'draft-text');
  let presses = 0;
  while (!(await isInText()) && presses < 60) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  expect(await isInText(), `the text was not reached after ${presses} presses of Tab`).toBe(true);

  // Type: to the end of the draft, a new paragraph.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await editor.type('Écrit au clavier seul.');
  await expect(editor.text).toContainText('Écrit au clavier seul.');

  // Escape leaves the text for the toolbar (documented in the page's keyboard help)…
  await expect(page.getByText('Échap ou Tab quitte le texte')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor.toolbar).toBeFocused();
  // …whose buttons are the next stops, each named.
  await page.keyboard.press('Tab');
  const focusedButton = editor.toolbar.locator('button:focus');
  await expect(focusedButton).toHaveCount(1);
  await expect(focusedButton).toHaveAccessibleName(/.+/);

  // Back to the text, then Tab leaves it forwards: no keyboard trap.
  while (!(await isInText()) && presses < 120) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  expect(await isInText()).toBe(true);
  const before = await editor.textContent();
  await page.keyboard.press('Tab');
  await expect(editor.text).not.toBeFocused();
  expect(
    await page.evaluate(() =>
      document.getElementById('draft-text')?.contains(document.activeElement),
    ),
  ).toBe(false);
  // Tab moved the focus and typed nothing.
  expect(await editor.textContent()).toBe(before);
});
