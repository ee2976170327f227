import { expect, test } from '../fixtures/people';

test('the language switch changes the interface, and is remembered', async ({ visitor }) => {
  const { page } = visitor;
  await page.goto('/consultations');
  const tagline = page.getByRole('banner');

  // French first.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(tagline).toContainText("Co-construire le plan d'action pour un gouvernement ouvert");
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  const languages = page.getByRole('group', { name: "Langue de l'interface" });
  await expect(languages.getByRole('button', { name: 'Français' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // To English.
  await languages.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(tagline).toContainText('Co-creating the open government action plan');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  const languagesEn = page.getByRole('group', { name: 'Interface language' });
  await expect(languagesEn.getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Remembered after a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(tagline).toContainText('Co-creating the open government action plan');

  // And back to French, remembered too.
  await languagesEn.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(tagline).toContainText("Co-construire le plan d'action pour un gouvernement ouvert");
});
