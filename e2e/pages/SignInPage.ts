import { expect, type Locator, type Page } from '@playwright/test';

/** "Connexion à Atelier": the local-account form (French, the interface's first language). */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Connexion à Atelier' });
    // The email label carries its hint ("Format attendu : …"), hence no exact match.
    this.email = page.getByLabel('Adresse électronique');
    this.password = page.getByLabel('Mot de passe', { exact: true });
    this.submit = page.getByRole('button', { name: 'Se connecter', exact: true });
    this.error = page.getByRole('alert').filter({ hasText: /./ });
  }

  /** Opens the page; `returnTo` is where the app goes once signed in (`?retour=`). */
  async open(returnTo?: string): Promise<void> {
    const query = returnTo ? `?retour=${encodeURIComponent(returnTo)}` : '';
    await this.page.goto(`/connexion${query}`);
    await expect(this.heading).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
