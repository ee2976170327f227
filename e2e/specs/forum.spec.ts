import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';

import { expect, test } from '../fixtures/people';
import {
  ConsoleForumPage,
  ForumsListPage,
  JoinForumPage,
  MinutesForumPage,
  ParticipantForumPage,
  ProjectorForumPage,
} from '../pages/ForumPages';
import { baseUrl } from '../support/baseUrl';
import { createCommitment, TEMPLATE_SECTIONS, type DraftRef } from '../support/workspaceApi';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 375, height: 667 };
const FIRST_SECTION = TEMPLATE_SECTIONS[0];
const GUEST_NAME = 'Léa Martin (invitée)';
const QUESTION = 'Faut-il publier les codes sources par défaut ?';
/** Markup in a contribution is text: shown as typed, never interpreted. */
const CONTRIBUTION = 'Publier aussi les <b>scripts</b> de migration.';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ` +
        violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | '),
    );
}

/** How the screens name a commitment: "number. title" (the draft's title when it has one). */
async function commitmentLabel(api: APIRequestContext, commitment: DraftRef): Promise<string> {
  const response = await api.get(`/api/commitments/${commitment.id}`);
  expect(response.ok()).toBe(true);
  const dto = (await response.json()) as {
    number: number;
    title: string;
    draft: { title: string };
  };
  return `${dto.number}. ${dto.draft.title.trim() || dto.title}`;
}

/** Tomorrow at 14:30, as a datetime-local input takes it. */
function tomorrowAfternoon(): string {
  const date = new Date(Date.now() + 24 * 3600 * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T14:30`;
}

test('a forum: schedule, join by code on a phone, spotlight, poll, hand, breakout, minutes', async ({
  browser,
  camille,
  karim,
  draft,
  facilitatorApi,
  consultationId,
}, testInfo) => {
  test.setTimeout(180_000);
  const other = await createCommitment(
    facilitatorApi,
    consultationId,
    `Essai forum ${testInfo.workerIndex}-${Date.now()} : second engagement`,
  );
  const [draftLabel, otherLabel] = await Promise.all([
    commitmentLabel(facilitatorApi, draft),
    commitmentLabel(facilitatorApi, other),
  ]);
  const title = `Forum ouvert ${Date.now()}`;

  // Camille schedules a session with one agenda item on the commitment.
  const list = new ForumsListPage(camille.page);
  await list.open(consultationId);
  await list.schedule({
    title,
    startsAt: tomorrowAfternoon(),
    itemTitle: 'Codes sources ouverts',
    itemMinutes: 20,
    commitmentLabel: draftLabel,
  });
  await expect(list.row(title)).toContainText('Programmé');
  expect(await seriousViolations(camille.page), 'list of forums').toEqual([]);
  const sessionId = await list.sessionId(title);

  // She opens the console and, in another tab, the room screen; then starts.
  const desk = new ConsoleForumPage(camille.page);
  await desk.open(sessionId);
  const projector = new ProjectorForumPage(await camille.context.newPage());
  await projector.open(sessionId);
  const code = (await projector.joinCode.textContent()) ?? '';
  await desk.start();
  await expect(projector.page.getByText('Codes sources ouverts')).toBeVisible();
  await expect(projector.page.getByText('Temps restant').first()).toBeVisible();

  // Karim, a member, joins from the consultation's list of forums.
  const karimView = new ParticipantForumPage(karim.page);
  const karimList = new ForumsListPage(karim.page);
  await karimList.open(consultationId);
  await karimList
    .row(title)
    .getByRole('link', { name: /^Vue participant/ })
    .click();
  await karimView.expectConnected();
  await expect(karimView.section('Point en cours')).toContainText('Codes sources ouverts');

  // Léa has no account: she scans the QR code on her phone and continues as a guest.
  const phone = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: PHONE,
    hasTouch: true,
  });
  try {
    const leaPage = await phone.newPage();
    const join = new JoinForumPage(leaPage);
    await join.openWithCode(code);
    expect(await seriousViolations(leaPage), 'join page').toEqual([]);
    await join.continueAsGuest(GUEST_NAME, 'Société civile');
    const lea = new ParticipantForumPage(leaPage);
    await lea.expectConnected();
    await expect(leaPage).toHaveURL(new RegExp(`/forums/${sessionId}$`));
    await expect(projector.page.getByTestId('attendance-count')).toHaveText(
      '3 personnes connectées',
    );

    // A reload keeps her in (the guest token is kept for this tab).
    await leaPage.reload();
    await lea.expectConnected();
    await expect(leaPage.getByText(`Vous participez en tant que ${GUEST_NAME}.`)).toBeVisible();

    // Spotlight: both participants are brought to the draft.
    await desk.spotlight(draftLabel);
    await karimView.expectDraftOf(`Texte projeté : ${draftLabel}`, FIRST_SECTION);
    await lea.expectDraftOf(`Texte projeté : ${draftLabel}`, FIRST_SECTION);
    expect(await lea.horizontalOverflowPx()).toBeLessThanOrEqual(0);

    // A poll: both vote, the room screen shows the results (chart and table).
    await desk.createAndOpenPoll(QUESTION, ['Oui', 'Non']);
    await karimView.vote(QUESTION, 'Oui');
    await lea.vote(QUESTION, 'Non');
    const results = projector.resultsTable(QUESTION);
    await expect(results.getByRole('row', { name: /^Oui 1/ })).toBeVisible();
    await expect(results.getByRole('row', { name: /^Non 1/ })).toBeVisible();
    await expect(projector.page.getByText('2 participant·es ont voté')).toBeVisible();
    expect(await lea.horizontalOverflowPx()).toBeLessThanOrEqual(0);

    // Léa raises her hand; the console and the room screen show it; Camille gives her the floor.
    await lea.raiseHand('Calendrier de publication');
    await expect(desk.handQueue()).toContainText(`${GUEST_NAME} — Calendrier de publication`);
    await expect(
      projector.page.getByText(`${GUEST_NAME} — Calendrier de publication`),
    ).toBeVisible();
    await desk.giveFloorTo(GUEST_NAME);
    await expect(
      leaPage.getByRole('alert').filter({ hasText: 'Vous avez la parole.' }),
    ).toBeVisible();

    // Léa writes to the room: the console and Karim's screen show it, as text.
    await lea.contribute(CONTRIBUTION);
    await expect(desk.contributions()).toContainText(`${GUEST_NAME} (Société civile)`);
    await expect(desk.contributions()).toContainText(CONTRIBUTION);
    await expect(karimView.contributions()).toContainText(CONTRIBUTION);
    expect(await lea.horizontalOverflowPx()).toBeLessThanOrEqual(0);

    // Accessibility of the three screens, each with live content on it.
    expect(await seriousViolations(leaPage), 'participant view').toEqual([]);
    expect(await seriousViolations(projector.page), 'projector').toEqual([]);
    expect(await seriousViolations(camille.page), 'console').toEqual([]);

    // Breakout: Karim to the first commitment, Léa to the second; then back to plenary.
    await desk.startManualBreakout(
      [
        { commitmentLabel: draftLabel, people: ['Karim Benali'] },
        { commitmentLabel: otherLabel, people: [GUEST_NAME] },
      ],
      10,
    );
    await karimView.expectDraftOf(`Texte de votre sous-groupe : ${draftLabel}`, FIRST_SECTION);
    await lea.expectDraftOf(`Texte de votre sous-groupe : ${otherLabel}`, FIRST_SECTION);
    await expect(lea.section('Sous-groupes')).toContainText(otherLabel);
    await desk.backToPlenary();
    await karimView.expectDraftOf(`Texte projeté : ${draftLabel}`, FIRST_SECTION);
    await lea.expectDraftOf(`Texte projeté : ${draftLabel}`, FIRST_SECTION);

    // Camille ends the session: the minutes carry the poll's result and the contribution.
    await desk.end();
    await expect(leaPage.getByText('La séance est terminée.')).toBeVisible();
    const minutes = new MinutesForumPage(camille.page);
    await minutes.open(sessionId);
    await expect(minutes.text).toContainText(`Sondage : ${QUESTION}`, { timeout: 15_000 });
    await expect(minutes.text).toContainText('Oui : 1 voix');
    await expect(minutes.text).toContainText('Non : 1 voix');
    await expect(minutes.text).toContainText('Contributions écrites (1)');
    await expect(minutes.text).toContainText(
      `${GUEST_NAME} (société civile, invité·e) — Codes sources ouverts : ${CONTRIBUTION}`,
    );
  } finally {
    await phone.close();
  }
});
