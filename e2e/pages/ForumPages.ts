import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The live forum's screens, in French as people see them: the consultation's "Forums" section,
 * the join page, and the participant, projector and console views.
 */

/** The consultation's list of sessions, where facilitators schedule one. */
export class ForumsListPage {
  readonly sessions: Locator;

  constructor(readonly page: Page) {
    this.sessions = page.getByRole('table', { name: 'Séances de la consultation' });
  }

  async open(consultationId: string): Promise<void> {
    await this.page.goto(`/consultations/${consultationId}/forums`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Forums' })).toBeVisible();
  }

  /** Schedules a session with one agenda item linked to a commitment, through the form. */
  async schedule(session: {
    title: string;
    startsAt: string;
    itemTitle: string;
    itemMinutes: number;
    commitmentLabel: string;
  }): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: 'Programmer une séance' }).click();
    const form = page.locator('form').filter({
      has: page.getByRole('heading', { name: 'Programmer une séance' }),
    });
    await form.getByLabel('Titre de la séance').fill(session.title);
    await form.getByLabel('Date et heure de début').fill(session.startsAt);
    await form.getByRole('radio', { name: 'Hybride' }).check({ force: true });
    // Guests may write (a topic when they raise a hand), not only observe.
    await form
      .getByRole('radio', { name: 'Les invité·es peuvent aussi commenter' })
      .check({ force: true });
    const item = form.getByRole('group', { name: 'Point 1' });
    await item.getByLabel('Intitulé').fill(session.itemTitle);
    await item.getByLabel('Durée (minutes)').fill(String(session.itemMinutes));
    await item.getByLabel('Engagement discuté').selectOption({ label: session.commitmentLabel });
    await form.getByRole('button', { name: 'Programmer', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'enregistrée' })).toContainText(
      session.title,
    );
  }

  row(title: string): Locator {
    return this.sessions
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) });
  }

  /** The session's id, read from its participant link. */
  async sessionId(title: string): Promise<string> {
    const href = await this.row(title)
      .getByRole('link', { name: /^Vue participant/ })
      .getAttribute('href');
    const id = href?.match(/^\/forums\/([^/]+)$/)?.[1];
    if (!id) throw new Error(`no participant link for "${title}" (href ${String(href)})`);
    return id;
  }
}

/** `/rejoindre`: a code, then "continue as guest" with a name and an organisation kind. */
export class JoinForumPage {
  constructor(readonly page: Page) {}

  async openWithCode(code: string): Promise<void> {
    await this.page.goto(`/rejoindre?code=${encodeURIComponent(code)}`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Rejoindre une séance' }),
    ).toBeVisible();
    await expect(this.page.getByLabel('Code de la séance')).toHaveValue(code);
  }

  async continueAsGuest(displayName: string, kind: string): Promise<void> {
    await this.page.getByLabel('Nom affiché').fill(displayName);
    await this.page.getByRole('radio', { name: kind }).check({ force: true });
    await this.page.getByRole('button', { name: "Continuer en tant qu'invité·e" }).click();
  }
}

/** What the participant and projector views share. */
class LiveForumScreen {
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.connection = page.getByRole('status').filter({
      hasText: /^(Connexion…|Connecté|Reconnexion…|Accès refusé)$/,
    });
  }

  async expectConnected(): Promise<void> {
    await expect(this.connection).toHaveText('Connecté', { timeout: 15_000 });
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }
}

/** `/forums/:id`: the participant's phone-first view. */
export class ParticipantForumPage extends LiveForumScreen {
  readonly draftText: Locator;
  readonly spotlight: Locator;
  readonly polls: Locator;
  readonly hand: Locator;

  constructor(page: Page) {
    super(page);
    this.draftText = page.getByLabel("Texte du brouillon de l'engagement", { exact: true });
    this.spotlight = this.section("Texte à l'écran");
    this.polls = this.section('Sondages');
    this.hand = this.section('Demander la parole');
  }

  async open(sessionId: string): Promise<void> {
    await this.page.goto(`/forums/${sessionId}`);
    await this.expectConnected();
  }

  /** The draft shown is this commitment's (by the sentence saying why it is shown). */
  async expectDraftOf(sentence: string | RegExp, heading: string): Promise<void> {
    await expect(this.spotlight).toContainText(sentence);
    await expect(this.draftText.getByRole('heading', { level: 2, name: heading })).toBeVisible({
      timeout: 15_000,
    });
  }

  async vote(question: string, option: string): Promise<void> {
    const ballot = this.polls.getByRole('group', { name: new RegExp(escapeRegExp(question)) });
    await ballot.getByRole('radio', { name: option }).check({ force: true });
    await this.polls.getByRole('button', { name: 'Voter' }).click();
    await expect(this.polls).toContainText('Vote enregistré');
  }

  /** Posts a written contribution and waits for the room's wall to show it. */
  async contribute(text: string): Promise<void> {
    const form = this.section('Contribuer par écrit');
    await form.getByLabel('Votre contribution').fill(text);
    await form.getByRole('button', { name: 'Envoyer ma contribution' }).click();
    await expect(form.getByRole('status')).toHaveText('Contribution envoyée.');
    await expect(this.contributions()).toContainText(text);
  }

  contributions(): Locator {
    return this.section(/^Contributions écrites/);
  }

  async raiseHand(topic: string): Promise<void> {
    await this.hand.getByLabel('Sujet (facultatif)').fill(topic);
    await this.hand.getByRole('button', { name: 'Lever la main' }).click();
    await expect(this.hand).toContainText('Votre main est levée : position 1 sur 1');
  }

  /** Nothing is wider than the screen: no horizontal scrolling on a phone. */
  async horizontalOverflowPx(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}

/** `/forums/:id/projecteur`: the room screen. */
export class ProjectorForumPage extends LiveForumScreen {
  readonly joinCode: Locator;

  constructor(page: Page) {
    super(page);
    this.joinCode = page.getByTestId('join-code');
  }

  async open(sessionId: string): Promise<void> {
    await this.page.goto(`/forums/${sessionId}/projecteur`);
    await this.expectConnected();
    await expect(this.joinCode).toHaveText(/^[2-9A-Z]{6}$/);
  }

  /** The results table (the chart's text alternative) of a poll. */
  resultsTable(question: string): Locator {
    return this.page.getByRole('table', { name: `Résultats : ${question}` });
  }
}

/** `/forums/:id/console`: the facilitator's console. */
export class ConsoleForumPage extends LiveForumScreen {
  async open(sessionId: string): Promise<void> {
    await this.page.goto(`/forums/${sessionId}/console`);
    await this.expectConnected();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Console : / })).toBeVisible();
  }

  contributions(): Locator {
    return this.section(/^Contributions écrites/);
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Démarrer la séance' }).click();
    await expect(this.page.getByText('État de la séance : En cours')).toBeVisible();
  }

  async spotlight(commitmentLabel: string): Promise<void> {
    const section = this.section('Projeter un texte');
    await section
      .getByLabel('Engagement', { exact: true })
      .selectOption({ label: commitmentLabel });
    await section.getByRole('button', { name: 'Projeter pour tout le monde' }).click();
    await expect(section).toContainText(`Texte projeté : ${commitmentLabel}`);
  }

  async createAndOpenPoll(question: string, options: readonly string[]): Promise<void> {
    const section = this.section('Sondages');
    await section.getByLabel('Question').fill(question);
    for (const [index, option] of options.entries()) {
      if (index >= 2) await section.getByRole('button', { name: 'Ajouter une option' }).click();
      await section.getByLabel(`Option ${index + 1}`, { exact: true }).fill(option);
    }
    await section.getByRole('button', { name: 'Préparer le sondage' }).click();
    await section.getByRole('button', { name: `Ouvrir le sondage « ${question} »` }).click();
    await expect(
      section.getByRole('button', { name: `Clore le sondage « ${question} »` }),
    ).toBeVisible();
  }

  handQueue(): Locator {
    return this.section(/^Mains levées/);
  }

  async giveFloorTo(name: string): Promise<void> {
    await this.handQueue()
      .getByRole('button', { name: `Donner la parole à ${name}` })
      .click();
    await expect(this.handQueue()).toContainText(`La parole est à ${name}.`);
  }

  /** Manual breakout: one group per commitment, each person sent to the group given. */
  async startManualBreakout(
    groups: readonly { commitmentLabel: string; people: readonly string[] }[],
    minutes: number,
  ): Promise<void> {
    const section = this.section('Sous-groupes');
    await section.getByRole('radio', { name: 'À la main' }).check({ force: true });
    for (const group of groups) {
      await section.getByRole('checkbox', { name: group.commitmentLabel }).check({ force: true });
    }
    await section.getByLabel('Durée (minutes)').fill(String(minutes));
    for (const [index, group] of groups.entries()) {
      for (const person of group.people) {
        await section
          .getByLabel(person, { exact: true })
          .selectOption({ label: `Groupe ${index + 1} – ${group.commitmentLabel}` });
      }
    }
    await section.getByRole('button', { name: 'Lancer les sous-groupes' }).click();
    await expect(section.getByRole('button', { name: 'Retour en plénière' })).toBeVisible();
  }

  async backToPlenary(): Promise<void> {
    const section = this.section('Sous-groupes');
    await section.getByRole('button', { name: 'Retour en plénière' }).click();
    await expect(section.getByRole('button', { name: 'Lancer les sous-groupes' })).toBeVisible();
  }

  async end(): Promise<void> {
    await this.page.getByRole('button', { name: 'Terminer la séance' }).click();
    await this.page.getByRole('button', { name: 'Confirmer : terminer la séance' }).click();
    await expect(this.page.getByText('État de la séance : Terminé')).toBeVisible();
  }
}

/** `/forums/:id/compte-rendu`: the minutes, co-edited like a draft. */
export class MinutesForumPage {
  readonly text: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByLabel('Texte du compte rendu', { exact: true });
  }

  async open(sessionId: string): Promise<void> {
    await this.page.goto(`/forums/${sessionId}/compte-rendu`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^Compte rendu : / }),
    ).toBeVisible();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
