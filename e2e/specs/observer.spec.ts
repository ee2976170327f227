import { expect, test } from '../fixtures/people';

const PROBLEM = 'Problème public à résoudre';
const VIEW_ONLY =
  'Votre rôle dans cette consultation permet de lire ce brouillon, pas de le modifier.';

test('an observer reads the draft live but cannot type in it', async ({ karim, sophie, draft }) => {
  await Promise.all([karim.editor.open(draft), sophie.editor.open(draft)]);

  // Sophie is told why she cannot write, and nothing invites her to.
  await sophie.editor.expectReadOnly(VIEW_ONLY);
  for (const button of await sophie.editor.toolbar.getByRole('button').all()) {
    await expect(button).toBeDisabled();
  }
  await karim.editor.expectEditable();

  // Karim writes; Sophie reads along, live.
  const words = 'Le public ne sait pas ce que deviennent ses contributions.';
  await karim.editor.typeInSection(PROBLEM, words);
  await expect(sophie.editor.sectionBody(PROBLEM)).toHaveText(words);

  // Sophie tries anyway: the text does not move, on her screen or on Karim's.
  const before = await sophie.editor.textContent();
  await sophie.editor.sectionBody(PROBLEM).click();
  await sophie.page.keyboard.press('End');
  await sophie.page.keyboard.type(' OBSERVATRICE');
  await sophie.page.keyboard.press('Enter');
  await expect(sophie.editor.text).not.toContainText('OBSERVATRICE');
  expect(await sophie.editor.textContent()).toBe(before);

  // Karim writes again: it reaches Sophie, and nothing of hers ever reached him.
  await karim.editor.type(' Fin.');
  await expect(sophie.editor.sectionBody(PROBLEM)).toHaveText(`${words} Fin.`);
  await expect(karim.editor.text).not.toContainText('OBSERVATRICE');
  await karim.editor.reload();
  await expect(karim.editor.sectionBody(PROBLEM)).toHaveText(`${words} Fin.`);
  await expect(karim.editor.text).not.toContainText('OBSERVATRICE');
});
