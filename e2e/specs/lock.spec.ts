import { expect, test } from '../fixtures/people';

const PROBLEM = 'Problème public à résoudre';
const LOCKED = "Ce brouillon est verrouillé par l'équipe d'animation.";
/** The promise: open editors turn read-only within a second of the lock. */
const LOCK_REACHES_EDITORS_MS = 1_000;

test('a facilitator locks the draft while a contributor is typing', async ({
  camille,
  karim,
  draft,
}) => {
  await Promise.all([camille.editor.open(draft), karim.editor.open(draft)]);
  await karim.editor.expectEditable();

  // Karim is in the middle of a sentence, word after word…
  let keepTyping = true;
  await karim.editor.placeCaretInSection(PROBLEM);
  const typing = (async () => {
    while (keepTyping) await karim.editor.type('mot ');
  })();
  await expect(camille.editor.sectionBody(PROBLEM)).toContainText('mot mot mot');

  // …when Camille locks the draft from her screen.
  await camille.editor.lockButton.click();
  await expect(camille.editor.unlockButton).toBeVisible();
  const lockedAt = Date.now();

  // Karim's editor turns read-only by itself, with the reason, without a reload.
  await expect(karim.editor.readOnlyNotice).toContainText(LOCKED, {
    timeout: LOCK_REACHES_EDITORS_MS + 4_000,
  });
  const lockTookMs = Date.now() - lockedAt;
  await karim.editor.expectReadOnly(LOCKED);
  keepTyping = false;
  await typing;
  expect(lockTookMs, `the lock reached the open editor after ${lockTookMs} ms`).toBeLessThanOrEqual(
    LOCK_REACHES_EDITORS_MS + 500,
  ); // + the test's own polling

  // What he types from now on goes nowhere.
  await karim.editor.sectionBody(PROBLEM).click();
  await karim.page.keyboard.press('End');
  await karim.editor.type(' APRES-VERROU');
  await expect(karim.editor.text).not.toContainText('APRES-VERROU');

  // Camille's screen, fresh from the server, has what he wrote before the lock, not after.
  await expect(camille.editor.text).not.toContainText('APRES-VERROU');
  await camille.editor.reload();
  await expect(camille.editor.sectionBody(PROBLEM)).toContainText('mot mot mot');
  await expect(camille.editor.text).not.toContainText('APRES-VERROU');
  // A reload keeps Karim's editor read-only, still saying why.
  await karim.editor.reload();
  await karim.editor.expectReadOnly(LOCKED);
  await expect(karim.editor.text).not.toContainText('APRES-VERROU');
});

/**
 * The race the first test can only hit by chance, made certain: the server has applied the lock,
 * but Karim's browser has not heard of it yet (his link holds the server's messages back for a
 * moment), so he types, and the server refuses those edits. They must never reach the others,
 * not even once the draft is unlocked.
 */
test('words the lock refused never reach the others, even after an unlock', async ({
  camille,
  karim,
  draft,
}) => {
  let holdServerMessages = false;
  const held: (() => void)[] = [];
  await karim.page.routeWebSocket(/\/collab\//, (browserSide) => {
    const serverSide = browserSide.connectToServer();
    browserSide.onMessage((message) => serverSide.send(message));
    serverSide.onMessage((message) => {
      if (holdServerMessages) held.push(() => browserSide.send(message));
      else browserSide.send(message);
    });
  });
  await Promise.all([camille.editor.open(draft), karim.editor.open(draft)]);
  await karim.editor.typeInSection(PROBLEM, 'Avant le verrou.');
  await expect(camille.editor.sectionBody(PROBLEM)).toHaveText('Avant le verrou.');

  holdServerMessages = true;
  await camille.editor.lockButton.click();
  await expect(camille.editor.unlockButton).toBeVisible();
  // Karim's screen has not been told: he types, and sees his words.
  await karim.editor.expectEditable();
  await karim.editor.type(' REFUSE');
  await expect(karim.editor.sectionBody(PROBLEM)).toHaveText('Avant le verrou. REFUSE');

  // The news arrives: read-only, with the reason.
  for (const deliver of held.splice(0)) deliver();
  holdServerMessages = false;
  await karim.editor.expectReadOnly(LOCKED);
  await expect(camille.editor.sectionBody(PROBLEM)).toHaveText('Avant le verrou.');

  // Camille unlocks; Karim writes again, and that reaches her, but the refused words do not.
  await camille.editor.unlockButton.click();
  await expect(camille.editor.lockButton).toBeVisible();
  await karim.editor.expectEditable();
  await karim.editor.typeInSection('Situation actuelle', 'Après le verrou.');
  await expect(camille.editor.sectionBody('Situation actuelle')).toHaveText('Après le verrou.');
  await expect(
    camille.editor.sectionBody(PROBLEM),
    'words Karim typed after the lock, which the server refused, reached Camille after the unlock',
  ).toHaveText('Avant le verrou.');
  await camille.editor.reload();
  await expect(camille.editor.sectionBody(PROBLEM)).toHaveText('Avant le verrou.');
  await expect(camille.editor.text).not.toContainText('REFUSE');
  // And Karim's own screen agrees with the shared draft once more.
  await expect(
    karim.editor.sectionBody(PROBLEM),
    "the refused words stay on Karim's screen although nobody else has them",
  ).toHaveText('Avant le verrou.');
});
