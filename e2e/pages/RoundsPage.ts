import { expect, type Locator, type Page } from '@playwright/test';

export interface NewRound {
  readonly title: string;
  readonly instructions: string;
  /** As a `datetime-local` input takes it: the browser's local time, `YYYY-MM-DDTHH:mm`. */
  readonly closesAt: string;
  /** The one commitment open to comments, as its checkbox names it ("Engagement 7 : …"). */
  readonly commitmentLabel: string;
}

/** "Tours de commentaires", a consultation's comment rounds (French, the first language). */
export class RoundsPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly newRoundForm: Locator;
  /** The page's polite announcements (phase changes, a round saved, joined). */
  readonly announcements: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'Tours de commentaires' });
    this.createButton = page.getByRole('button', { name: 'Ouvrir un tour de commentaires' });
    this.newRoundForm = page.getByRole('form', { name: 'Nouveau tour de commentaires' });
    this.announcements = page.locator('[aria-live="polite"]').filter({ hasText: /./ });
  }

  async open(consultationId: string): Promise<void> {
    await this.page.goto(`/consultations/${consultationId}/tours`);
    await expect(this.heading).toBeVisible();
  }

  /** One round's section, named by its title. */
  round(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  /** Its participation table's row for one commitment. */
  participationRow(round: Locator, commitmentLabel: string): Locator {
    return round
      .getByRole('table', { name: /^Participation au tour/ })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: commitmentLabel, exact: true }) });
  }

  /** A facilitator fills the form: opening left at "now", one commitment, members only. */
  async createRound(round: NewRound): Promise<void> {
    await this.createButton.click();
    const form = this.newRoundForm;
    await expect(form.getByLabel('Titre du tour')).toBeFocused();
    await form.getByLabel('Titre du tour').fill(round.title);
    await form.getByLabel(/^Consignes/).fill(round.instructions);
    await form.getByLabel(/^Clôture/).fill(round.closesAt);
    // DSFR draws its own radios and checkboxes: people click the labels.
    await form.locator('label').filter({ hasText: 'Certains engagements' }).click();
    await expect(form.getByRole('radio', { name: 'Certains engagements' })).toBeChecked();
    const commitment = form.getByRole('checkbox', { name: round.commitmentLabel, exact: true });
    await form.locator(`label[for="${await commitment.getAttribute('id')}"]`).click();
    await expect(commitment).toBeChecked();
    await form.getByRole('button', { name: 'Ouvrir le tour' }).click();
  }
}

/** `datetime-local` text for an instant `minutes` from now, in the page's own time zone. */
export async function localDateTimeIn(page: Page, minutes: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date(Date.now() + offset * 60_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    return (
      `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
      `T${pad(date.getHours())}:${pad(date.getMinutes())}`
    );
  }, minutes);
}
