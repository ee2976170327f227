import { expect, type Locator, type Page } from '@playwright/test';

import { TEMPLATE_SECTIONS, type DraftRef } from '../support/workspaceApi';

/** What the connection badge says (ConnectionStatus), in French. */
export type ConnectionWord =
  'Connexion…' | 'Connecté' | 'Reconnexion…' | 'Hors ligne' | 'Déconnecté';
const CONNECTION_WORD = /^(Connexion…|Connecté|Reconnexion…|Hors ligne|Déconnecté)$/;

/** Delay between keystrokes when a person "types" (ms): fast, yet one Yjs update per key. */
export const TYPING_DELAY_MS = 15;

/** The commitment editor: the live draft, its toolbar, presence, connection and read-only state. */
export class EditorPage {
  /** The Lexical content-editable, named by its aria-label. */
  readonly text: Locator;
  readonly toolbar: Locator;
  /** The polite live region holding the connection badge and its explanation. */
  readonly connection: Locator;
  readonly readOnlyNotice: Locator;
  readonly lockButton: Locator;
  readonly unlockButton: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByLabel("Texte du brouillon de l'engagement", { exact: true });
    this.toolbar = page.getByRole('toolbar', { name: 'Mise en forme du brouillon' });
    this.connection = page.getByRole('status').filter({ has: page.getByText(CONNECTION_WORD) });
    this.readOnlyNotice = page.getByTestId('read-only-notice');
    this.lockButton = page.getByRole('button', { name: 'Verrouiller le brouillon' });
    this.unlockButton = page.getByRole('button', { name: 'Déverrouiller le brouillon' });
  }

  /** Opens the draft and waits until the server's content is shown and the link is up. */
  async open(draft: Pick<DraftRef, 'id' | 'consultationId'>): Promise<void> {
    await this.page.goto(`/consultations/${draft.consultationId}/engagements/${draft.id}`);
    await this.waitUntilLoaded();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expect(this.sectionHeadings(TEMPLATE_SECTIONS[0])).toHaveCount(1, { timeout: 15_000 });
    await this.expectConnection('Connecté');
  }

  /** The H2 headings with this title, inside the draft. */
  sectionHeadings(title: string): Locator {
    return this.text.getByRole('heading', { level: 2, name: title, exact: true });
  }

  /** Every H2 heading of the draft. */
  allSectionHeadings(): Locator {
    return this.text.getByRole('heading', { level: 2 });
  }

  /** The block right under a section heading: where that section's text starts. */
  sectionBody(title: string): Locator {
    return this.sectionHeadings(title).locator('xpath=following-sibling::*[1]');
  }

  /** Puts the caret at the end of the first block of a section, as a click then End would. */
  async placeCaretInSection(title: string): Promise<void> {
    await this.sectionBody(title).click();
    await this.page.keyboard.press('End');
  }

  /** Types at the end of a section's first paragraph, key by key. */
  async typeInSection(title: string, words: string, delay = TYPING_DELAY_MS): Promise<void> {
    await this.placeCaretInSection(title);
    await this.page.keyboard.type(words, { delay });
  }

  /** Selects the `text` just before the caret with Shift+ArrowLeft, one key per character. */
  async selectBackwards(text: string): Promise<void> {
    for (const _ of text) await this.page.keyboard.press('Shift+ArrowLeft');
  }

  /** Types wherever the caret is. */
  async type(words: string, delay = TYPING_DELAY_MS): Promise<void> {
    await this.page.keyboard.type(words, { delay });
  }

  /** The draft's text as shown (line breaks between blocks). */
  async textContent(): Promise<string> {
    return normaliseText(await this.text.innerText());
  }

  /**
   * Another person's caret, labelled with their name. Lexical draws carets in a layer beside
   * the content-editable (a div in its parent), each a span holding a span with the name.
   */
  remoteCursor(name: string): Locator {
    return this.text
      .locator('xpath=..')
      .locator(':scope > div > span')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The connection badge's word. */
  async connectionStatus(): Promise<string> {
    return (await this.connection.getByText(CONNECTION_WORD).innerText()).trim();
  }

  async expectConnection(word: ConnectionWord, timeout = 15_000): Promise<void> {
    await expect(this.connection.getByText(CONNECTION_WORD)).toHaveText(word, { timeout });
  }

  async expectEditable(): Promise<void> {
    await expect(this.text).toHaveAttribute('contenteditable', 'true');
    await expect(this.readOnlyNotice).toHaveCount(0);
  }

  /** Read-only, and says why (the reason sentence of the notice). */
  async expectReadOnly(reason: string, timeout?: number): Promise<void> {
    await expect(this.readOnlyNotice).toContainText('Lecture seule.', { timeout });
    await expect(this.readOnlyNotice).toContainText(reason);
    await expect(this.text).toHaveAttribute('contenteditable', 'false');
    await expect(this.text).toHaveAttribute('aria-readonly', 'true');
  }
}

/** innerText with no-break spaces as spaces and no trailing blanks: what a reader compares. */
export function normaliseText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}
