import { expect, test } from '../fixtures/people';

const PROBLEM = 'Problème public à résoudre';
const OBJECTIVE = "Objectif de l'engagement";

test('two contributors write the same draft at once and each sees the other', async ({
  karim,
  elise,
  draft,
}) => {
  await Promise.all([karim.editor.open(draft), elise.editor.open(draft)]);

  const karimWords = 'Les données publiques restent difficiles à trouver et à réutiliser.';
  const eliseWords = 'Ouvrir un registre des décisions, lisible par toutes et tous.';
  // Both keyboards at the same time, in two sections of the same draft.
  await Promise.all([
    karim.editor.typeInSection(PROBLEM, karimWords),
    elise.editor.typeInSection(OBJECTIVE, eliseWords),
  ]);

  for (const person of [karim, elise]) {
    await expect(person.editor.sectionBody(PROBLEM)).toHaveText(karimWords);
    await expect(person.editor.sectionBody(OBJECTIVE)).toHaveText(eliseWords);
  }
  await expect
    .poll(async () => (await karim.editor.textContent()) === (await elise.editor.textContent()))
    .toBe(true);

  // Each sees the other's caret, labelled with their name, and knows who is here.
  await expect(karim.editor.remoteCursor('Élise Moreau')).toBeVisible();
  await expect(elise.editor.remoteCursor('Karim Benali')).toBeVisible();
  await expect(
    karim.page.getByRole('region', { name: '1 autre personne sur ce brouillon' }),
  ).toContainText('Élise Moreau');
  await expect(
    elise.page.getByRole('region', { name: '1 autre personne sur ce brouillon' }),
  ).toContainText('Karim Benali');

  // What the server kept is what they wrote.
  await karim.editor.reload();
  await expect(karim.editor.sectionBody(PROBLEM)).toHaveText(karimWords);
  await expect(karim.editor.sectionBody(OBJECTIVE)).toHaveText(eliseWords);
  await expect
    .poll(async () => (await karim.editor.textContent()) === (await elise.editor.textContent()))
    .toBe(true);
});
