import { expect, type Locator, type Page } from '@playwright/test';

/** The facilitators' "Modération" desk: the flag queue and the mutes (French). */
export class ModerationPage {
  readonly heading: Locator;
  readonly queue: Locator;
  readonly mutesTable: Locator;
  readonly muteForm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'Modération' });
    this.queue = page.getByRole('region', { name: 'Signalements à traiter' });
    this.mutesTable = page.getByRole('table', { name: /^Suspensions en cours/ });
    this.muteForm = page.getByRole('form', { name: 'Suspendre une personne' });
  }

  async open(consultationId: string): Promise<void> {
    await this.page.goto(`/consultations/${consultationId}/moderation`);
    await expect(this.heading).toBeVisible();
  }

  /** The queue item of a comment, found by its words (the queue is the whole consultation's). */
  item(commentText: string): Locator {
    return this.queue.getByRole('article').filter({ hasText: commentText });
  }

  async hide(item: Locator, author: string, reason: string): Promise<void> {
    await item.getByRole('button', { name: `Masquer le commentaire de ${author}` }).click();
    await item.getByLabel(/^Motif du masquage/).fill(reason);
    await item.getByRole('button', { name: 'Masquer le commentaire', exact: true }).click();
  }

  async mute(optionLabel: string, duration: string, reason: string): Promise<void> {
    await this.muteForm.getByLabel('Personne à suspendre').selectOption({ label: optionLabel });
    await this.muteForm.getByLabel('Durée').selectOption({ label: duration });
    await this.muteForm.getByLabel(/^Motif de la suspension/).fill(reason);
    await this.muteForm.getByRole('button', { name: 'Suspendre', exact: true }).click();
  }

  /** Lifts a mute, accepting the confirmation the page asks for. */
  async unmute(name: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.mutesTable.getByRole('button', { name: `Lever la suspension de ${name}` }).click();
  }
}

/** "Journal de modération": public, by role, never by name. */
export class ModerationLogPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'Journal de modération' });
    this.table = page.getByRole('table', { name: /^Actions de modération/ });
  }

  async open(consultationId: string): Promise<void> {
    await this.page.goto(`/consultations/${consultationId}/journal-de-moderation`);
    await expect(this.heading).toBeVisible();
  }

  /** The rows that carry this reason (the log is the whole consultation's). */
  rowsWith(reason: string): Locator {
    return this.table.getByRole('row').filter({ hasText: reason });
  }
}
