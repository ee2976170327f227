import type { User } from '@atelier/domain';
import { hashPassword } from '../auth/passwordHasher';
import { createCommitment } from '../commands/commitmentCommands';
import { createConsultation, updateConsultation } from '../commands/consultationCommands';
import { createOrganisation } from '../commands/organisationCommands';
import { setMemberRole } from '../commands/memberCommands';
import type { WorkspaceContext } from '../workspaceContext';
import {
  demoAccounts,
  demoCommitments,
  demoConsultation,
  demoOrganisations,
  demoPassword,
} from './demoContent';

export interface DemoSignIn {
  readonly email: string;
  readonly password: string;
  readonly description: string;
}

/**
 * Loads the reference case into an empty store, through the same use cases people use, so the
 * demo exercises the real rules: organisations, one account per role, the consultation, its six
 * commitments with drafts seeded from the OGP template.
 */
export async function loadDemoWorkspace(context: WorkspaceContext): Promise<DemoSignIn[]> {
  const passwordHash = await hashPassword(demoPassword);
  const now = context.now().toISOString();
  const admin = await createAccount(
    context,
    demoAccounts[0]!.email,
    demoAccounts[0]!.displayName,
    passwordHash,
    true,
  );

  const organisationIds = new Map<string, string>();
  for (const organisation of demoOrganisations) {
    const created = await createOrganisation(context, admin, {
      name: organisation.name,
      kind: organisation.kind,
      website: organisation.website ?? null,
    });
    organisationIds.set(organisation.key, created.id);
  }
  await context.store.users.update(admin.id, {
    organisationId: organisationIds.get('ditp') ?? null,
  });

  const consultation = await createConsultation(context, admin, {
    ...demoConsultation,
    visibility: 'public',
  });
  for (const account of demoAccounts.slice(1)) {
    const user = await createAccount(
      context,
      account.email,
      account.displayName,
      passwordHash,
      account.admin,
    );
    if (account.organisationKey) {
      await context.store.users.update(user.id, {
        organisationId: organisationIds.get(account.organisationKey) ?? null,
      });
    }
    if (account.role) await setMemberRole(context, admin, consultation.id, user.id, account.role);
  }
  for (const commitment of demoCommitments) {
    await createCommitment(
      context,
      admin,
      consultation.id,
      {
        title: commitment.title,
        theme: commitment.theme,
        leadOrganisationIds: commitment.lead.map((key) => organisationIds.get(key)!),
        partnerOrganisationIds: commitment.partners.map((key) => organisationIds.get(key)!),
      },
      commitment.draft,
    );
  }
  await updateConsultation(context, admin, consultation.id, { status: 'open' });
  context.logger.info({ consultationId: consultation.id, at: now }, 'demo workspace loaded');
  return demoAccounts.map((account) => ({
    email: account.email,
    password: demoPassword,
    description: account.admin ? 'platform admin' : `${account.role} — ${account.displayName}`,
  }));
}

async function createAccount(
  context: WorkspaceContext,
  email: string,
  displayName: string,
  passwordHash: string,
  admin: boolean,
): Promise<User> {
  const user: User = {
    id: context.newId(),
    email,
    displayName,
    publicPseudonym: null,
    organisationId: null,
    platformRole: admin ? 'admin' : null,
    disabled: false,
    createdAt: context.now().toISOString(),
  };
  await context.store.users.create({ ...user, passwordHash });
  return user;
}
