import type { DraftTemplateInput } from '@atelier/collab';
import {
  draftDocNameFor,
  emptyReadModel,
  type Commitment,
  type CommitmentCreateInput,
  type CommitmentUpdateInput,
  type User,
} from '@atelier/domain';
import { UniqueConstraintError } from '@atelier/storage';
import { AppError } from '../../errors/appError';
import {
  authorizeOnCommitment,
  authorizeOnConsultation,
  commitmentNotFound,
  loadCommitmentFacts,
  loadConsultationFacts,
} from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';
import { logLockChange } from './moderationCommands';

/**
 * Creates a commitment and seeds its draft document with the OGP template on the server, once,
 * before anyone can open it: clients never bootstrap content, so nothing is ever duplicated.
 */
export async function createCommitment(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  input: CommitmentCreateInput,
  draftContent: Omit<DraftTemplateInput, 'title'> = {},
): Promise<Commitment> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'commitment.create', facts);
  await ensureOrganisationsExist(context, [
    ...input.leadOrganisationIds,
    ...input.partnerOrganisationIds,
  ]);
  const id = context.newId();
  const now = context.now().toISOString();
  const commitment: Commitment = {
    id,
    consultationId,
    number: input.number ?? (await context.store.commitments.maxNumber(consultationId)) + 1,
    title: input.title,
    theme: input.theme,
    leadOrganisationIds: input.leadOrganisationIds,
    partnerOrganisationIds: input.partnerOrganisationIds,
    status: 'drafting',
    locked: false,
    docName: draftDocNameFor(id),
    readModel: emptyReadModel(input.title),
    createdAt: now,
    updatedAt: now,
  };
  // Lexical is loaded on the first creation only, not at every server start.
  const { createDraftTemplateUpdate } = await import('@atelier/collab/draft-editor');
  await context.documents.seedDocumentIfEmpty(
    commitment.docName,
    createDraftTemplateUpdate({ title: input.title, ...draftContent }),
  );
  try {
    await context.store.commitments.create(commitment);
  } catch (error) {
    await context.documents.deleteDocument(commitment.docName);
    if (error instanceof UniqueConstraintError) {
      throw AppError.conflict(
        'commitment_number_taken',
        `Commitment number ${commitment.number} is already used.`,
      );
    }
    throw error;
  }
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'commitment.created',
    target: `commitment:${id}`,
    details: { number: commitment.number, title: commitment.title },
  });
  context.events.emit('commitmentChanged', { consultationId, commitmentId: id });
  return commitment;
}

export async function listCommitments(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
) {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read', facts);
  return context.store.commitments.listByConsultation(consultationId);
}

export async function getCommitment(
  context: WorkspaceContext,
  user: User | null,
  commitmentId: string,
) {
  const facts = await loadCommitmentFacts(context, user, commitmentId);
  authorizeOnCommitment(user, 'commitment.read', facts);
  return facts.commitment;
}

/** Metadata, status and lock. A lock reaches open editors at once (they turn read-only). */
export async function updateCommitment(
  context: WorkspaceContext,
  user: User | null,
  commitmentId: string,
  input: CommitmentUpdateInput,
): Promise<Commitment> {
  const facts = await loadCommitmentFacts(context, user, commitmentId);
  const changesLock = input.locked !== undefined && input.locked !== facts.commitment.locked;
  authorizeOnCommitment(user, changesLock ? 'commitment.lock' : 'commitment.update', facts);
  await ensureOrganisationsExist(context, [
    ...(input.leadOrganisationIds ?? []),
    ...(input.partnerOrganisationIds ?? []),
  ]);
  const previous = facts.commitment;
  const updated = await context.store.commitments.update(commitmentId, {
    ...input,
    updatedAt: context.now().toISOString(),
  });
  if (!updated) throw commitmentNotFound();

  const target = `commitment:${commitmentId}`;
  const consultationId = previous.consultationId;
  if (changesLock) {
    context.accessChanges.notify({ scope: 'document', docName: previous.docName });
    await recordAudit(context, {
      consultationId,
      actor: user,
      action: input.locked ? 'commitment.locked' : 'commitment.unlocked',
      target,
    });
    await logLockChange(context, facts, commitmentId, input.locked === true);
  }
  if (input.status !== undefined && input.status !== previous.status) {
    await recordAudit(context, {
      consultationId,
      actor: user,
      action: 'commitment.status_changed',
      target,
      details: { from: previous.status, to: input.status },
    });
  }
  context.events.emit('commitmentChanged', { consultationId, commitmentId });
  const otherFields = Object.keys(input).filter((key) => key !== 'locked' && key !== 'status');
  if (otherFields.length > 0) {
    await recordAudit(context, {
      consultationId,
      actor: user,
      action: 'commitment.updated',
      target,
      details: { fields: otherFields },
    });
  }
  return updated;
}

async function ensureOrganisationsExist(
  context: WorkspaceContext,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await context.store.organisations.listByIds(unique);
  if (found.length !== unique.length) {
    throw AppError.badRequest('unknown_organisation', 'One of the organisations does not exist.');
  }
}
