import type { APIRequestContext } from '@playwright/test';

import { expect, test, type Person } from '../fixtures/people';
import { seriousViolations } from '../support/accessibility';
import {
  createCommitment,
  createConsultation,
  joinByInvitation,
  ok,
  signedInApi,
  stateChangingHeaders,
} from '../support/workspaceApi';

const NEW_PASSWORD = 'une phrase de passe assez longue';
const ALINE_WRITES = 'Il manque un jalon sur l’ouverture des données de la commande publique.';
const BRUNO_MENTIONS = '@Aline Fournier bonne idée : la DAJ pourrait le porter dès 2022.';
const BRUNO_ADDS = 'Et un second jalon pour les collectivités ?';

/**
 * A consultation of its own with one commitment, so that nothing another spec does in the demo
 * consultation (rounds, replies) reaches the people of this one and changes their counts.
 */
async function aQuietConsultation(
  admin: APIRequestContext,
  suffix: string,
): Promise<{ consultationId: string; commitmentId: string }> {
  const consultation = await createConsultation(admin, {
    title: 'Consultation des notifications',
    slug: `notifications-${suffix}`,
    visibility: 'members',
  });
  const commitment = await createCommitment(admin, consultation.id, 'Données de la commande');
  return { consultationId: consultation.id, commitmentId: commitment.id };
}

/** Invites a new person as a contributor; they accept in their own browser and are signed in. */
async function invitedContributor(
  admin: APIRequestContext,
  person: Person,
  consultationId: string,
  email: string,
  displayName: string,
): Promise<string> {
  return joinByInvitation(admin, person.context.request, consultationId, {
    email,
    role: 'contributor',
    displayName,
    password: NEW_PASSWORD,
  });
}

test('a mention reaches its person live, who reads it, follows it to the thread, and clears the rest', async ({
  people,
  playwright,
}) => {
  const admin = await signedInApi(playwright.request, 'admin@atelier.demo');
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { consultationId, commitmentId } = await aQuietConsultation(admin, suffix);
  const [aline, bruno] = [await people.enter(null), await people.enter(null)];
  const alineId = await invitedContributor(
    admin,
    aline,
    consultationId,
    `aline.${suffix}@exemple.fr`,
    'Aline Fournier',
  );
  await invitedContributor(
    admin,
    bruno,
    consultationId,
    `bruno.${suffix}@exemple.fr`,
    'Bruno Girard',
  );
  await admin.dispose();

  // Aline opens a discussion (the comment screens themselves are comments.spec.ts's subject).
  const thread = await ok<{ id: string }>(
    await aline.context.request.post(`/api/commitments/${commitmentId}/threads`, {
      headers: stateChangingHeaders(),
      data: { body: ALINE_WRITES },
    }),
    'Aline comments',
  );

  // Aline is on the consultations page; her header says she has nothing unread (once it has
  // asked: only a count that goes up afterwards is announced).
  await Promise.all([
    aline.page.waitForResponse((response) =>
      response.url().endsWith('/api/notifications/unread-count'),
    ),
    aline.page.goto('/consultations'),
  ]);
  const header = aline.page.getByRole('banner');
  const notificationsLink = header.getByRole('link', { name: /^Notifications/ });
  await expect(notificationsLink).toHaveAccessibleName('Notifications');

  // Bruno answers and mentions her: her header counts it without a reload, and says so.
  await ok(
    await bruno.context.request.post(`/api/threads/${thread.id}/comments`, {
      headers: stateChangingHeaders(),
      data: { body: BRUNO_MENTIONS, mentions: [alineId] },
    }),
    'Bruno replies, mentioning Aline',
  );
  await expect(notificationsLink).toHaveAccessibleName(/^Notifications\s*1 non lue$/);
  await expect(header.locator('[aria-live="polite"]')).toHaveText(
    'Nouvelle notification : 1 non lue.',
  );

  // She opens her notifications: who, where, what, and that it is unread.
  await notificationsLink.click();
  await expect(aline.page).toHaveURL(/\/notifications$/);
  await expect(aline.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const mention = aline.page.getByRole('article', {
    name: 'Non lue Bruno Girard vous a mentionné·e dans un commentaire',
  });
  await expect(mention).toContainText('Engagement : Données de la commande');
  await expect(mention.getByRole('blockquote')).toHaveText(BRUNO_MENTIONS);
  await expect(aline.page.getByText('1 notification non lue.')).toBeVisible();
  expect(await seriousViolations(aline.page)).toEqual([]);

  // Following it leads to the thread in the draft, and it is read: the count drops.
  await mention
    .getByRole('link', { name: 'Bruno Girard vous a mentionné·e dans un commentaire' })
    .click();
  await expect(aline.page).toHaveURL(
    new RegExp(`/consultations/${consultationId}/engagements/${commitmentId}#thread-${thread.id}$`),
  );
  await expect(notificationsLink).toHaveAccessibleName('Notifications');

  // Bruno adds a reply while she reads the draft: it counts again; she marks all read.
  await ok(
    await bruno.context.request.post(`/api/threads/${thread.id}/comments`, {
      headers: stateChangingHeaders(),
      data: { body: BRUNO_ADDS },
    }),
    'Bruno replies again',
  );
  await expect(notificationsLink).toHaveAccessibleName(/^Notifications\s*1 non lue$/);
  await notificationsLink.click();
  const reply = aline.page.getByRole('article', {
    name: 'Non lue Bruno Girard a répondu dans une discussion où vous avez écrit',
  });
  await expect(reply.getByRole('blockquote')).toHaveText(BRUNO_ADDS);
  await aline.page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(
    aline.page.getByRole('status').filter({
      hasText: 'Toutes les notifications sont marquées comme lues.',
    }),
  ).toHaveCount(1);
  await expect(aline.page.getByText('Aucune notification non lue.')).toBeVisible();
  await expect(aline.page.getByRole('article', { name: /^Non lue/ })).toHaveCount(0);
  await expect(notificationsLink).toHaveAccessibleName('Notifications');
  // Bruno was told of nothing: he wrote both replies and nobody answered him.
  const forBruno = await ok<{ unreadCount: number }>(
    await bruno.context.request.get('/api/notifications/unread-count'),
    'Bruno’s unread count',
  );
  expect(forBruno.unreadCount).toBe(0);
});
