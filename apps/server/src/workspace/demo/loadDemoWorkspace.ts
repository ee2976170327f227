import type { Commitment, User } from '@atelier/domain';
import type { ForumService } from '../../forum/forumService';
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
import { loadDemoDiscussion } from './demoDiscussion';
import { scheduleDemoForum } from './demoForum';
import { findDemoPlan, type DemoPlan } from './demoPlan';

export interface DemoSignIn {
  readonly email: string;
  readonly password: string;
  readonly description: string;
}

/**
 * Loads the reference case through the same use cases people use, so the demo exercises the
 * real rules: organisations, one account per role, the consultation, its six commitments with
 * drafts seeded from the OGP template; then the discussion around them (rounds, threads, a
 * reasoned response) and, with the forum, tomorrow's session. Loading again creates nothing twice.
 */
export async function loadDemoWorkspace(
  context: WorkspaceContext,
  options: { readonly forum?: ForumService | null } = {},
): Promise<DemoSignIn[]> {
  const loadedAt = context.now();
  const plan = (await findDemoPlan(context)) ?? (await createDemoPlan(context));
  await loadDemoDiscussion(context, plan, loadedAt);
  if (options.forum) await scheduleDemoForum(options.forum, plan, loadedAt);
  context.logger.info(
    { consultationId: plan.consultationId, at: loadedAt.toISOString() },
    'demo workspace loaded',
  );
  return demoAccounts.map((account) => ({
    email: account.email,
    password: demoPassword,
    description: account.admin ? 'platform admin' : `${account.role} — ${account.displayName}`,
  }));
}

/** Organisations, accounts and roles, the consultation and its commitments, into an empty store. */
async function createDemoPlan(context: WorkspaceContext): Promise<DemoPlan> {
  const passwordHash = await hashPassword(demoPassword);
  const people = new Map<string, User>();
  const admin = await createAccount(
    context,
    demoAccounts[0]!.email,
    demoAccounts[0]!.displayName,
    passwordHash,
    true,
  );
  people.set(admin.email, admin);

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
    const created = await createAccount(
      context,
      account.email,
      account.displayName,
      passwordHash,
      account.admin,
    );
    const organisationId = account.organisationKey
      ? (organisationIds.get(account.organisationKey) ?? null)
      : null;
    // The comment rules read the organisation (lead organisations answer for their text).
    const user = organisationId
      ? ((await context.store.users.update(created.id, { organisationId })) ?? created)
      : created;
    people.set(user.email, user);
    if (account.role) await setMemberRole(context, admin, consultation.id, user.id, account.role);
  }
  const commitments: Commitment[] = [];
  for (const commitment of demoCommitments) {
    commitments.push(
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
      ),
    );
  }
  await updateConsultation(context, admin, consultation.id, { status: 'open' });
  return { consultationId: consultation.id, commitments, people };
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
