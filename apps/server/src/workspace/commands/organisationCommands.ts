import type { Organisation, OrganisationInput, User } from '@atelier/domain';
import { UniqueConstraintError } from '@atelier/storage';
import { AppError } from '../../errors/appError';
import { requireAdmin, requireSignedIn } from '../loadFacts';
import type { WorkspaceContext } from '../workspaceContext';

export async function createOrganisation(
  context: WorkspaceContext,
  user: User | null,
  input: OrganisationInput,
): Promise<Organisation> {
  requireAdmin(user);
  const organisation: Organisation = {
    id: context.newId(),
    name: input.name,
    kind: input.kind,
    website: input.website ?? null,
    createdAt: context.now().toISOString(),
  };
  try {
    await context.store.organisations.create(organisation);
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      throw AppError.conflict(
        'organisation_exists',
        'An organisation with this name already exists.',
      );
    }
    throw error;
  }
  return organisation;
}

export async function listOrganisations(
  context: WorkspaceContext,
  user: User | null,
): Promise<Organisation[]> {
  requireSignedIn(user);
  return context.store.organisations.list();
}
