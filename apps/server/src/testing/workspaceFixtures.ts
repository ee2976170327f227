import type {
  CommentRound,
  Commitment,
  Consultation,
  ConsultationRole,
  User,
} from '@atelier/domain';
import { hashPassword } from '../workspace/auth/passwordHasher';
import { createCommitment } from '../workspace/commands/commitmentCommands';
import { createConsultation, updateConsultation } from '../workspace/commands/consultationCommands';
import { createOrganisation } from '../workspace/commands/organisationCommands';
import { setMemberRole } from '../workspace/commands/memberCommands';
import type { WorkspaceContext } from '../workspace/workspaceContext';

export const TEST_PASSWORD = 'correct horse battery staple';

let sequence = 0;
let sharedHash: Promise<string> | null = null;

/** A user with the test password; hashing once keeps fixtures fast. */
export async function aUser(
  context: WorkspaceContext,
  overrides: Partial<User> & { label?: string } = {},
): Promise<User> {
  sequence += 1;
  const label = overrides.label ?? `person${sequence}`;
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const user: User = {
    id: context.newId(),
    email: `${label}-${sequence}@example.org`,
    displayName: `${label} ${sequence}`,
    publicPseudonym: null,
    organisationId: null,
    platformRole: null,
    disabled: false,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  await context.store.users.create({ ...user, passwordHash: await sharedHash });
  return user;
}

export type RoleName = ConsultationRole | 'admin' | 'stranger';

export interface RolesScenario {
  readonly admin: User;
  readonly people: Record<RoleName, User>;
  readonly consultation: Consultation;
  readonly commitment: Commitment;
  /** A second consultation nobody above (but the admin) belongs to. */
  readonly otherConsultation: Consultation;
  readonly otherCommitment: Commitment;
}

/** One consultation with a member of every role, a commitment, and a second, unrelated consultation. */
export async function seedRolesScenario(
  context: WorkspaceContext,
  options: { visibility?: 'public' | 'members'; status?: 'draft' | 'open' } = {},
): Promise<RolesScenario> {
  const admin = await aUser(context, { label: 'admin', platformRole: 'admin' });
  const organisation = await createOrganisation(context, admin, {
    name: `Ministère ${sequence}`,
    kind: 'administration',
  });
  const consultation = await createConsultation(context, admin, {
    title: 'Plan d’action de test',
    slug: `plan-test-${sequence}`,
    description: '',
    visibility: options.visibility ?? 'members',
  });
  const people = { admin } as Record<RoleName, User>;
  for (const role of ['facilitator', 'contributor', 'commenter', 'observer'] as const) {
    people[role] = await aUser(context, { label: role, organisationId: organisation.id });
    await setMemberRole(context, admin, consultation.id, people[role].id, role);
  }
  people.stranger = await aUser(context, { label: 'stranger' });
  const commitment = await createCommitment(context, admin, consultation.id, {
    title: 'Ouvrir les données publiques',
    theme: { kind: 'transversal', label: 'Transparence' },
    leadOrganisationIds: [organisation.id],
    partnerOrganisationIds: [],
  });
  if ((options.status ?? 'open') === 'open')
    await updateConsultation(context, admin, consultation.id, { status: 'open' });
  const otherConsultation = await createConsultation(context, admin, {
    title: 'Autre consultation',
    slug: `autre-${sequence}`,
    description: '',
    visibility: 'members',
  });
  const otherCommitment = await createCommitment(context, admin, otherConsultation.id, {
    title: 'Un engagement ailleurs',
    theme: { kind: 'thematic', label: 'Ailleurs' },
    leadOrganisationIds: [],
    partnerOrganisationIds: [],
  });
  return {
    admin,
    people,
    consultation: (await context.store.consultations.findById(consultation.id))!,
    commitment,
    otherConsultation,
    otherCommitment,
  };
}

/**
 * A new person the scenario's admin made a member of its consultation with `role`: tests that
 * spend budgets (comments, flags) or change someone get people of their own.
 */
export async function aMember(
  context: WorkspaceContext,
  scenario: RolesScenario,
  role: ConsultationRole,
  overrides: Partial<User> & { label?: string } = {},
): Promise<User> {
  const user = await aUser(context, { label: role, ...overrides });
  await setMemberRole(context, scenario.admin, scenario.consultation.id, user.id, role);
  return user;
}

/**
 * A members' round on every commitment of the scenario's consultation, stored directly, open
 * from an hour ago for a day: members may comment while it lasts.
 */
export async function anOpenRound(
  context: WorkspaceContext,
  scenario: RolesScenario,
  title = 'Premier tour',
): Promise<CommentRound> {
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const round: CommentRound = {
    id: context.newId(),
    consultationId: scenario.consultation.id,
    title,
    instructions: '',
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(24),
    audience: 'members',
    commitmentIds: [],
    createdBy: scenario.admin.id,
    createdAt: hoursFromNow(-2),
  };
  await context.store.commentRounds.create(round);
  return round;
}
