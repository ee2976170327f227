import { expect, test } from '../fixtures/people';

const PROBLEM = 'Problème public à résoudre';
const STATUS_QUO = 'Situation actuelle';
const OBJECTIVE = "Objectif de l'engagement";

test('a contributor keeps writing offline and nothing is lost when the network returns', async ({
  karim,
  elise,
  draft,
}) => {
  await Promise.all([karim.editor.open(draft), elise.editor.open(draft)]);

  const together = 'Écrit ensemble avant la coupure.';
  await karim.editor.typeInSection(PROBLEM, together);
  await expect(elise.editor.sectionBody(PROBLEM)).toHaveText(together);

  // The train enters a tunnel: Karim is told, and keeps writing.
  await karim.goOffline();
  await karim.editor.expectConnection('Hors ligne');
  await karim.editor.expectEditable();
  const offline = 'Écrit dans le tunnel, sans réseau.';
  const offlineToo = ' Et une phrase de plus.';
  await karim.editor.typeInSection(STATUS_QUO, offline);
  await karim.editor.type(offlineToo);

  // Meanwhile Élise, still online, writes elsewhere; she cannot have Karim's words yet.
  const online = 'Écrit pendant ce temps, en ligne.';
  await elise.editor.typeInSection(OBJECTIVE, online);
  await expect(elise.editor.sectionBody(OBJECTIVE)).toHaveText(online);
  await expect(elise.editor.text).not.toContainText(offline);
  await expect(karim.editor.text).not.toContainText(online);

  // Out of the tunnel: both converge on everything.
  await karim.goOnline();
  await karim.editor.expectConnection('Connecté');
  for (const person of [karim, elise]) {
    await expect(person.editor.sectionBody(PROBLEM)).toHaveText(together);
    await expect(person.editor.sectionBody(STATUS_QUO)).toHaveText(`${offline}${offlineToo}`);
    await expect(person.editor.sectionBody(OBJECTIVE)).toHaveText(online);
  }
  await expect
    .poll(async () => (await karim.editor.textContent()) === (await elise.editor.textContent()))
    .toBe(true);

  // And the server has it all: a fresh load shows the same.
  await elise.editor.reload();
  await expect(elise.editor.sectionBody(STATUS_QUO)).toHaveText(`${offline}${offlineToo}`);
  expect(await elise.editor.textContent()).toBe(await karim.editor.textContent());
});
