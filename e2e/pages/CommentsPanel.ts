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

  /** The thread with this id (its article's id is `thread-<id>`). */
  thread(threadId: string): Locator {
    return this.region.locator(`article#thread-${threadId}`);
  }

  /** The draft's hint that the caret is in a commented passage. */
  get passageHint(): Locator {
    return this.page.locator('.atelier-passage-hint');
  }

  /** Edits one's own comment in the thread (the first of one's comments there). */
  async editOwn(thread: Locator, body: string): Promise<void> {
    await thread.getByRole('button', { name: 'Modifier mon commentaire' }).first().click();
    const box = thread.getByRole('textbox', { name: 'Mon commentaire' });
    await box.fill(body);
    await thread.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  }

  async deleteOwn(thread: Locator): Promise<void> {
    await thread.getByRole('button', { name: 'Supprimer mon commentaire' }).first().click();
    await thread.getByRole('button', { name: 'Supprimer définitivement' }).click();
  }

  async flag(thread: Locator, author: string, reason: string): Promise<void> {
    await thread.getByRole('button', { name: `Signaler le commentaire de ${author}` }).click();
    await thread.getByLabel('Motif du signalement').fill(reason);
    await thread.getByRole('button', { name: 'Signaler', exact: true }).click();
  }

  /** Records the reasoned response of a thread: disposition (as the select shows it), reason, version. */
  async respond(
    thread: Locator,
    disposition: string,
    reason: string,
    version?: string,
  ): Promise<void> {
    await thread.getByRole('button', { name: /réponse motivée$/ }).click();
    await thread.getByLabel('Suite donnée à la contribution').selectOption({ label: disposition });
    await thread.getByLabel('Motif', { exact: false }).first().fill(reason);
    if (version !== undefined) await thread.getByLabel('Version du brouillon').fill(version);
    await thread.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  }

  /** A facilitator shows a hidden comment again, with the reason for the public log. */
  async restore(thread: Locator, author: string, reason: string): Promise<void> {
    await thread.getByRole('button', { name: `Rétablir le commentaire de ${author}` }).click();
    await thread.getByLabel('Motif du rétablissement').fill(reason);
    await thread.getByRole('button', { name: 'Rétablir', exact: true }).click();
  }
}
