import { expect, test } from '../fixtures/people';
import type { Person } from '../fixtures/people';
import {
  createCommitment,
  DEMO_CONSULTATION_TITLE,
  listCommitments,
  type DraftRef,
} from '../support/workspaceApi';

/** Karim opens a draft and types; Camille, on the consultation page, sees him there, then gone. */
async function expectWritingNowFollows(camille: Person, karim: Person, draft: DraftRef) {
  await camille.consultation.open(draft.consultationId, DEMO_CONSULTATION_TITLE);
  await expect(camille.consultation.writingNow(draft.title)).toHaveText('Personne');

  await karim.editor.open(draft);
  await karim.editor.typeInSection('Problème public à résoudre', ' Karim écrit.');
  await expect(
    camille.consultation.writingNow(draft.title),
    `commitment ${draft.number}'s row does not say that Karim is writing it`,
  ).toContainText('Karim Benali');

  // He leaves: the page says so without a reload.
  await karim.page.goto('/consultations');
  await expect(camille.consultation.writingNow(draft.title)).toHaveText('Personne');
}

test('the consultation page shows who is writing a draft right now', async ({
  camille,
  karim,
  facilitatorApi,
  consultationId,
}) => {
  // The demo's first commitment: the other specs write in drafts of their own.
  const [first] = await listCommitments(facilitatorApi, consultationId);
  await expectWritingNowFollows(camille, karim, first!);
});

test('who is writing is shown for every commitment, however long the list', async ({
  camille,
  karim,
  facilitatorApi,
  consultationId,
}) => {
  // An action plan can run past twenty commitments; the row of the last one must still say
  // who is writing it.
  let commitments = await listCommitments(facilitatorApi, consultationId);
  while (commitments.length < 21) {
    await createCommitment(
      facilitatorApi,
      consultationId,
      `Engagement de remplissage ${commitments.length + 1}`,
    );
    commitments = await listCommitments(facilitatorApi, consultationId);
  }
  await expectWritingNowFollows(camille, karim, commitments.at(-1)!);
});
