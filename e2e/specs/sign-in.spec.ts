import { expect, test } from '../fixtures/people';
import { DEMO_PASSWORD } from '../support/workspaceApi';

test('a contributor signs in with the form and lands where she was going', async ({
  visitor,
  consultationId,
}) => {
  const { page, signInPage } = visitor;
  await signInPage.open(`/consultations/${consultationId}`);
  await signInPage.signIn('association@atelier.demo', DEMO_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/consultations/${consultationId}$`));
  await expect(page.getByRole('banner')).toContainText('Élise Moreau');
  await expect(page.getByText('Votre rôle : contributeur·rice')).toBeVisible();
});

test('a wrong password is refused with a message', async ({ visitor }) => {
  const { page, signInPage } = visitor;
  await signInPage.open();
  await signInPage.signIn('personne@atelier.demo', 'pas-le-bon-mot-de-passe');
  await expect(signInPage.error).toHaveText('Adresse électronique ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/connexion/);
});
