import type { APIRequestContext } from '@playwright/test';

import { expect, test, type Person } from '../fixtures/people';
import { ModerationLogPage, ModerationPage } from '../pages/ModerationPage';
import { seriousViolations } from '../support/accessibility';
import {
  DEMO_CONSULTATION_TITLE,
  joinByInvitation,
  ok,
  stateChangingHeaders,
  type DraftRef,
  type ThreadRef,
} from '../support/workspaceApi';

// ---- Set-up through the API: the flag button belongs to the editor's panel, tested there ------

/** A comment on the whole draft, written by whoever `api` is signed in as. */
async function commentOnDraft(
  api: APIRequestContext,
  draft: DraftRef,
  body: string,
): Promise<ThreadRef> {
  return ok<ThreadRef>(
    await api.post(`/api/commitments/${draft.id}/threads`, {
      headers: stateChangingHeaders(),
      data: { body, anchor: null },
    }),
    'comment on the draft',
  );
}

async function flag(person: Person, commentId: string, reason: string): Promise<void> {
  await ok(
    await person.page.request.post(`/api/comments/${commentId}/flag`, {
      headers: stateChangingHeaders(),
      data: { reason },
    }),
    `${person.displayName} flags a comment`,
  );
}

test('a flagged comment is hidden from the queue, and the public log shows it by role, not name', async ({
  camille,
  karim,
  julien,
  elise,
  visitor,
  draft,
}) => {
  const stamp = Date.now();
  const words = `Tous des incapables au ministère ${stamp}, appelez le 06 00 00 00 00.`;
  const flagReason = 'Propos injurieux et numéro de téléphone';
  const hideReason = `Propos injurieux ${stamp}`;
  const thread = await commentOnDraft(karim.page.request, draft, words);
  const commentId = thread.comments[0]!.id;
  await flag(julien, commentId, flagReason);
  await flag(elise, commentId, `  ${flagReason.toLowerCase()} `);

  // Camille sees it in the queue with the reasons, counted, and a link to its thread.
  const desk = new ModerationPage(camille.page);
  await desk.open(draft.consultationId);
  const item = desk.item(words);
  await expect(item.getByRole('heading', { name: 'Commentaire de Karim Benali' })).toBeVisible();
  await expect(item.getByRole('blockquote')).toHaveText(words);
  await expect(item).toContainText('2 signalements');
  await expect(item).toContainText(`« ${flagReason} », 2 fois`);
  await expect(item).toContainText(`Engagement ${draft.number} : ${draft.title}`);
  await expect(
    item.getByRole('link', { name: 'Voir le fil du commentaire de Karim Benali' }),
  ).toHaveAttribute(
    'href',
    `/consultations/${draft.consultationId}/engagements/${draft.id}#thread-${thread.id}`,
  );
  expect(await seriousViolations(camille.page)).toEqual([]);

  // A reason is required; then the comment is hidden and leaves the queue.
  await item.getByRole('button', { name: 'Masquer le commentaire de Karim Benali' }).click();
  await expect(item.getByLabel(/^Motif du masquage/)).toBeFocused();
  await item.getByRole('button', { name: 'Masquer le commentaire', exact: true }).click();
  await expect(item.getByText('Indiquez un motif de 3 à 1 000 caractères.')).toBeVisible();
  await item.getByLabel(/^Motif du masquage/).fill(hideReason);
  await item.getByRole('button', { name: 'Masquer le commentaire', exact: true }).click();
  await expect(camille.page.getByText('Le commentaire de Karim Benali est masqué.')).toBeVisible();
  await expect(desk.queue.getByRole('heading', { name: 'Signalements à traiter' })).toBeFocused();
  // It stays at hand below, hidden, and may be restored from there.
  await expect(item).toContainText(`: ${hideReason}`);
  await expect(
    item.getByRole('button', { name: 'Rétablir le commentaire de Karim Benali' }),
  ).toBeVisible();
  await camille.page.reload();
  await expect(desk.item(words)).toHaveCount(0);

  // The thread shows the trace for everyone.
  const karimPanel = karim.comments;
  await karim.editor.open(draft);
  await expect(karimPanel.threadBy('Karim Benali')).toContainText(hideReason);
  await expect(karimPanel.threadBy('Karim Benali')).not.toContainText(words);

  // Anyone, signed out, reads the public log: the hide, its reason, a role, no name.
  const log = new ModerationLogPage(visitor.page);
  await log.open(draft.consultationId);
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText(DEMO_CONSULTATION_TITLE);
  const row = log.rowsWith(hideReason);
  await expect(row.getByRole('cell')).toHaveText([
    /\d{4}/,
    'Commentaire masqué',
    'Un commentaire',
    hideReason,
    'animateur·rice',
  ]);
  await expect(log.table).not.toContainText('Camille');
  await expect(log.table).not.toContainText('Laurent');
  await expect(visitor.page.getByRole('link', { name: 'Modération', exact: true })).toHaveCount(0);
  expect(await seriousViolations(visitor.page)).toEqual([]);

  // The desk is the facilitators': no link for Karim, and the server refuses him.
  await new ModerationLogPage(karim.page).open(draft.consultationId);
  await expect(karim.page.getByRole('link', { name: 'Modération', exact: true })).toHaveCount(0);
  expect(
    (
      await karim.page.request.get(`/api/consultations/${draft.consultationId}/moderation-queue`)
    ).status(),
  ).toBe(403);
  await karim.page.goto(`/consultations/${draft.consultationId}/moderation`);
  await expect(karim.page.getByRole('alert')).toContainText("Vous n'avez pas accès à cette page.");
});

test('flags are dismissed, and a hidden comment is restored from the desk', async ({
  camille,
  karim,
  julien,
  draft,
}) => {
  const stamp = Date.now();
  const words = `Ce jalon me paraît flou ${stamp}.`;
  const thread = await commentOnDraft(karim.page.request, draft, words);
  await flag(julien, thread.comments[0]!.id, 'Je ne suis pas d’accord');

  const desk = new ModerationPage(camille.page);
  await desk.open(draft.consultationId);
  const item = desk.item(words);
  await expect(item).toContainText('1 signalement');
  // A disagreement is no reason to hide: the flags are dismissed, the comment stays visible.
  camille.page.once('dialog', (dialog) => void dialog.accept());
  await item
    .getByRole('button', {
      name: 'Classer sans suite les signalements du commentaire de Karim Benali',
    })
    .click();
  await expect(
    camille.page.getByText(
      'Les signalements du commentaire de Karim Benali sont classés sans suite.',
    ),
  ).toBeVisible();
  await expect(item).not.toContainText('signalement');
  await expect(item).not.toContainText('Masqué le');

  // From the handled list, hidden then restored, each with its reason.
  const hideReason = `Hors sujet ${stamp}`;
  const restoreReason = `Finalement pertinent ${stamp}`;
  await desk.hide(item, 'Karim Benali', hideReason);
  await expect(item).toContainText(`: ${hideReason}`);
  await item.getByRole('button', { name: 'Rétablir le commentaire de Karim Benali' }).click();
  await item.getByLabel(/^Motif du rétablissement/).fill(restoreReason);
  await item.getByRole('button', { name: 'Rétablir le commentaire', exact: true }).click();
  await expect(camille.page.getByText('Le commentaire de Karim Benali est rétabli.')).toBeVisible();
  await expect(item).not.toContainText('Masqué le');

  const log = new ModerationLogPage(camille.page);
  await log.open(draft.consultationId);
  await expect(log.rowsWith(restoreReason).getByRole('cell').nth(1)).toHaveText(
    'Commentaire rétabli',
  );
  await expect(log.rowsWith(hideReason).getByRole('cell').nth(1)).toHaveText('Commentaire masqué');
  // Dismissing flags is not a moderation of the comment: the public log does not list it.
  await expect(log.rowsWith('Je ne suis pas')).toHaveCount(0);
});

test('a muted participant is refused when they comment, until the mute is lifted', async ({
  camille,
  karim,
  people,
  facilitatorApi,
  draft,
}) => {
  // A participant of their own, so that muting them disturbs no other spec running alongside.
  const name = `Noé Muet ${Date.now()}`;
  const noe = await people.enter(null);
  await joinByInvitation(facilitatorApi, noe.context.request, draft.consultationId, {
    email: `muet-${Date.now()}@atelier.test`,
    role: 'contributor',
    displayName: name,
    password: 'une phrase de passe longue',
  });
  await commentOnDraft(karim.page.request, draft, 'Le calendrier des jalons est-il réaliste ?');

  // Camille mutes Noé for an hour, with a reason.
  const desk = new ModerationPage(camille.page);
  await desk.open(draft.consultationId);
  const muteReason = `Messages répétés hors sujet ${Date.now()}`;
  await desk.mute(`${name} (contributeur·rice)`, '1 heure', muteReason);
  await expect(camille.page.getByText(`${name} est suspendu·e.`)).toBeVisible();
  const muteRow = desk.mutesTable
    .getByRole('row')
    .filter({ has: camille.page.getByRole('rowheader', { name }) });
  await expect(muteRow).toContainText(muteReason);
  expect(await seriousViolations(camille.page)).toEqual([]);

  // Noé's draft turns read-only and his reply is refused, with the reason.
  await noe.editor.open(draft);
  await noe.editor.expectReadOnly('suspendu vos contributions');
  const panel = noe.comments;
  const thread = panel.threadBy('Karim Benali');
  await panel.reply(thread, 'Je voudrais répondre.');
  await expect(thread.getByRole('alert')).toHaveText(
    'La modération a suspendu vos commentaires dans cette consultation pour le moment.',
  );

  // The mute is lifted: Noé may comment again.
  await desk.unmute(name);
  await expect(camille.page.getByText(`La suspension de ${name} est levée.`)).toBeVisible();
  await expect(muteRow).toHaveCount(0);
  await noe.editor.expectEditable();
  await noe.editor.reload();
  await panel.reply(panel.threadBy('Karim Benali'), 'Je peux de nouveau répondre.');
  await expect(panel.threadBy('Karim Benali')).toContainText('Je peux de nouveau répondre.');

  // Both decisions are in the public log, by role; Noé is not named there either.
  const log = new ModerationLogPage(camille.page);
  await log.open(draft.consultationId);
  await expect(log.rowsWith(muteReason).getByRole('cell')).toHaveText([
    /\d{4}/,
    'Personne suspendue',
    'Un·e participant·e',
    muteReason,
    'animateur·rice',
  ]);
  await expect(log.table).not.toContainText(name);
});

test('a facilitator locks and unlocks a draft from the consultation page; the log says so', async ({
  camille,
  karim,
  draft,
}) => {
  const lockButton = `Verrouiller le brouillon de l'engagement ${draft.number}`;
  await camille.consultation.open(draft.consultationId, DEMO_CONSULTATION_TITLE);
  const row = camille.consultation.commitmentRow(draft.title);
  camille.page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('journal de modération public');
    void dialog.accept();
  });
  await row.getByRole('button', { name: lockButton }).click();
  await expect(row).toContainText('Verrouillé');
  await expect(
    row.getByRole('button', { name: `Déverrouiller le brouillon de l'engagement ${draft.number}` }),
  ).toBeFocused();

  // Karim, a contributor, sees the lock but has no button for it; his editor is read-only.
  await karim.consultation.open(draft.consultationId, DEMO_CONSULTATION_TITLE);
  const karimRow = karim.consultation.commitmentRow(draft.title);
  await expect(karimRow).toContainText('Verrouillé');
  await expect(karimRow.getByRole('button')).toHaveCount(0);
  await karim.editor.open(draft);
  await karim.editor.expectReadOnly('verrouillé');

  camille.page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: /^Déverrouiller/ }).click();
  await expect(row.getByRole('button', { name: lockButton })).toBeVisible();
  await karim.editor.expectEditable();

  const log = new ModerationLogPage(camille.page);
  await log.open(draft.consultationId);
  const label = `Engagement ${draft.number} : ${draft.title}`;
  const rows = log.table
    .getByRole('row')
    .filter({ has: camille.page.getByRole('link', { name: label }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByRole('cell')).toHaveText([
    /\d{4}/,
    'Brouillon déverrouillé',
    label,
    'Aucun motif indiqué',
    'animateur·rice',
  ]);
  await expect(rows.last().getByRole('cell').nth(1)).toHaveText('Brouillon verrouillé');
});
