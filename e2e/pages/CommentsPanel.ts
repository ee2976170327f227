import { expect, type Locator, type Page } from '@playwright/test';

/** The comments beside the draft (the "Commentaires" region of the editor page), in French. */
export class CommentsPanel {
  readonly region: Locator;
  /** "Commenter la sélection" in the draft's toolbar. */
  readonly commentSelectionInToolbar: Locator;
  /** The new-comment form, once a passage was chosen. */
  readonly newCommentForm: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Commentaires', exact: true });
    this.commentSelectionInToolbar = page
      .getByRole('toolbar', { name: 'Mise en forme du brouillon' })
      .getByRole('button', { name: 'Commenter la sélection' });
    this.newCommentForm = this.region.getByRole('form', { name: 'Nouveau commentaire' });
  }

  /** The thread someone started, found by its heading. */
  threadBy(name: string): Locator {
    return this.region.getByRole('article', { name: `Fil ouvert par ${name}` });
  }

  /** What the panel says went wrong (an alert). */
  get alert(): Locator {
    return this.region.getByRole('alert');
  }

  /** With a passage selected in the draft: the toolbar button, then the form. */
  async commentOnSelection(body: string): Promise<void> {
    await this.commentSelectionInToolbar.click();
    await expect(this.newCommentForm).toBeVisible();
    await this.newCommentForm.getByLabel('Votre commentaire').fill(body);
    await this.newCommentForm.getByRole('button', { name: 'Publier le commentaire' }).click();
  }

  async reply(thread: Locator, body: string): Promise<void> {
    await thread.getByRole('button', { name: 'Répondre' }).click();
    await thread.getByLabel('Votre réponse').fill(body);
    await thread.getByRole('button', { name: 'Envoyer la réponse' }).click();
  }

  /** A facilitator hides the comment of `author` in the thread, giving the public reason. */
  async hide(thread: Locator, author: string, reason: string): Promise<void> {
    await thread.getByRole('button', { name: `Masquer le commentaire de ${author}` }).click();
    await thread.getByLabel('Motif du masquage').fill(reason);
    await thread.getByRole('button', { name: 'Masquer', exact: true }).click();
  }

  /** A facilitator shows a hidden comment again, with the reason for the public log. */
  async restore(thread: Locator, author: string, reason: string): Promise<void> {
    await thread.getByRole('button', { name: `Rétablir le commentaire de ${author}` }).click();
    await thread.getByLabel('Motif du rétablissement').fill(reason);
    await thread.getByRole('button', { name: 'Rétablir', exact: true }).click();
  }
}
