import { expect, type Locator, type Page } from '@playwright/test';

/** A consultation: its heading, sections and the table of its commitments. */
export class ConsultationPage {
  readonly commitments: Locator;

  constructor(readonly page: Page) {
    this.commitments = page.getByRole('table', {
      name: 'Engagements de la consultation, avec qui les écrit en ce moment',
    });
  }

  async open(consultationId: string, title: string): Promise<void> {
    await this.page.goto(`/consultations/${consultationId}`);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(this.commitments).toBeVisible();
  }

  /** The row of one commitment, found by its title (the row header). */
  commitmentRow(title: string): Locator {
    return this.commitments
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) });
  }

  /** The "En ce moment" cell: who has the draft open right now. */
  writingNow(title: string): Locator {
    return this.commitmentRow(title).getByRole('cell').last();
  }

  async openCommitment(title: string): Promise<void> {
    await this.commitmentRow(title).getByRole('link', { name: title }).click();
  }
}
