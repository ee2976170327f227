import { expect, test } from '../fixtures/people';
import { localDateTimeIn, RoundsPage } from '../pages/RoundsPage';
import { seriousViolations } from '../support/accessibility';
import { joinByInvitation, openRound, stateChangingHeaders } from '../support/workspaceApi';

const PROBLEM = 'Problème public à résoudre';

test('a facilitator opens a round, a contributor comments, the figures follow, the round closes early', async ({
  camille,
  karim,
  draft,
}) => {
  const title = `Tour de bout en bout ${Date.now()}`;
  const commitmentLabel = `Engagement ${draft.number} : ${draft.title}`;
  const rounds = new RoundsPage(camille.page);

  // Camille opens a round on this commitment only, closing in twenty minutes: short, so that
  // no other open round covering every commitment closes before it and takes the comment.
  await rounds.open(draft.consultationId);
  expect(await seriousViolations(camille.page)).toEqual([]);
  await rounds.createRound({
    title,
    instructions: 'Commentez le problème public.\nUne idée par commentaire.',
    closesAt: await localDateTimeIn(camille.page, 20),
    commitmentLabel,
  });
  const round = rounds.round(title);
  await expect(round.getByRole('heading', { level: 3, name: title })).toBeFocused();
  await expect(rounds.announcements).toContainText(`Le tour « ${title} » est enregistré.`);
  await expect(round).toContainText('Ouvert');
  // The countdown runs: in the last hour it shows, and changes, every second. (French puts
  // no-break spaces around the colon and between numbers and units, hence \s.)
  const countdown = round.getByText(/^Temps restant\s:\s1\d\sminutes\set\s\d+\ssecondes?$/);
  const shown = await countdown.innerText();
  await expect(countdown).not.toHaveText(shown);
  await expect(round).toContainText('Une idée par commentaire.');
  await expect(round.getByRole('link', { name: commitmentLabel })).toHaveCount(2); // list + table
  await expect(rounds.participationRow(round, commitmentLabel).getByRole('cell')).toHaveText([
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
  ]);
  // The countdown is text, not a live region: only the page's announcer speaks.
  await expect(round.locator('[aria-live]')).toHaveCount(0);
  expect(await seriousViolations(camille.page)).toEqual([]);

  // Karim, a contributor at DINUM (an administration), comments on a heading of the draft.
  await karim.editor.open(draft);
  const panel = karim.comments;
  await karim.editor.sectionHeadings(PROBLEM).selectText();
  await panel.commentOnSelection('Quel est le périmètre exact du problème ?');
  await expect(panel.threadBy('Karim Benali')).toContainText('Quel est le périmètre exact');

  // One comment, one contributor, from an administration.
  await camille.page.reload();
  await expect(rounds.participationRow(round, commitmentLabel).getByRole('cell')).toHaveText([
    '1',
    '1',
    '1',
    '0',
    '0',
    '0',
  ]);
  await expect(round).toContainText('1 commentaire dans ce tour.');

  // Camille changes the instructions; the dates she left alone stay as they were.
  await round.getByRole('button', { name: `Modifier le tour « ${title} »` }).click();
  const editForm = round.getByRole('form', { name: `Modifier le tour « ${title} »` });
  await expect(editForm.getByLabel('Titre du tour')).toBeFocused();
  await editForm.getByLabel(/^Consignes/).fill('Commentez surtout le budget.');
  await editForm.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(round.getByRole('heading', { level: 3, name: title })).toBeFocused();
  await expect(round).toContainText('Commentez surtout le budget.');
  await expect(round).not.toContainText('Une idée par commentaire.');
  await expect(round).toContainText('Ouvert');

  // Camille closes it early: the page says it is closed and in its response phase.
  camille.page.once('dialog', (dialog) => void dialog.accept());
  await round.getByRole('button', { name: `Clore maintenant le tour « ${title} »` }).click();
  await expect(rounds.announcements).toContainText(
    `Le tour « ${title} » est clos : la phase de réponse commence.`,
  );
  await expect(round).toContainText('Clos — phase de réponse');
  await expect(round).toContainText('la phase de réponse est en cours');
  await expect(round).not.toContainText('Temps restant');
  await expect(round.getByRole('button', { name: /^Clore maintenant/ })).toHaveCount(0);
  // What was said stays counted.
  await expect(
    rounds.participationRow(round, commitmentLabel).getByRole('cell').first(),
  ).toHaveText('1');

  // Karim, a contributor, sees the round and its figures but none of the facilitators' actions.
  const karimRounds = new RoundsPage(karim.page);
  await karimRounds.open(draft.consultationId);
  await expect(karimRounds.round(title)).toContainText('Clos — phase de réponse');
  await expect(karimRounds.createButton).toHaveCount(0);
  await expect(karimRounds.round(title).getByRole('button')).toHaveCount(0);
});

test('a signed-in person who is not a member joins an open public round as a commenter', async ({
  people,
  facilitatorApi,
  draft,
}) => {
  // Someone with an account and no role in the consultation: invited once, then removed.
  const visitor = await people.enter(null);
  const visitorId = await joinByInvitation(
    facilitatorApi,
    visitor.context.request,
    draft.consultationId,
    {
      email: `visiteuse-${Date.now()}@atelier.test`,
      role: 'observer',
      displayName: 'Inès Visiteuse',
      password: 'une phrase de passe longue',
    },
  );
  expect(
    (
      await facilitatorApi.delete(
        `/api/consultations/${draft.consultationId}/members/${visitorId}`,
        {
          headers: stateChangingHeaders(),
        },
      )
    ).status(),
  ).toBe(204);

  const title = `Tour public ${Date.now()}`;
  const round = await openRound(facilitatorApi, draft.consultationId, {
    title,
    audience: 'public',
    commitmentIds: [draft.id],
    closesInMs: 20 * 60_000,
  });
  try {
    const rounds = new RoundsPage(visitor.page);
    await rounds.open(draft.consultationId);
    const card = rounds.round(title);
    await expect(card).toContainText('Public : toute personne connectée');
    await card.getByRole('button', { name: 'Participer' }).click();
    await expect(rounds.announcements).toContainText(
      `Vous participez au tour « ${title} » : vous pouvez commenter les engagements concernés.`,
    );
    await expect(visitor.page.getByText('Votre rôle : commentateur·rice')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Participer' })).toHaveCount(0);
    expect(await seriousViolations(visitor.page)).toEqual([]);
  } finally {
    await facilitatorApi.patch(`/api/rounds/${round.id}`, {
      headers: stateChangingHeaders(),
      data: { closeNow: true },
    });
  }
});

test('the feedback report is offered to anyone who reads the consultation, its CSV described', async ({
  visitor,
  consultationId,
}) => {
  const { page } = visitor;
  await page.goto(`/consultations/${consultationId}/bilan`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Bilan des contributions' }),
  ).toBeVisible();
  const html = page.getByRole('link', { name: 'Lire le bilan (page web accessible, HTML)' });
  const csv = page.getByRole('link', { name: /^Télécharger le bilan/ });
  await expect(csv).toHaveAttribute('download', '');
  await expect(csv).toHaveAccessibleDescription(/CSV \(RFC 4180\), encodé en UTF-8/);
  await expect(
    page.getByRole('list').filter({ hasText: 'Disposition' }).getByRole('listitem'),
  ).toHaveCount(12);

  // Both links answer, signed out, with what they say.
  const report = await page.request.get((await html.getAttribute('href'))!);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toContain('text/html');
  const download = await page.request.get((await csv.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/csv');
  expect((await download.text()).split('\r\n')[0]).toContain('Disposition');
  expect(await seriousViolations(page)).toEqual([]);
});
