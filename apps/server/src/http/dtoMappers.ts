import {
  publicNameOf,
  type AuditEntry,
  type Commitment,
  type Consultation,
  type ConsultationRole,
  type Membership,
  type Organisation,
  type User,
} from '@atelier/domain';
import type {
  AuditEntryDto,
  CommitmentDto,
  ConsultationDto,
  MeDto,
  MemberDto,
  OrganisationDto,
} from '@atelier/protocol';
import type { WorkspaceContext } from '../workspace/workspaceContext';

/** Entities to wire DTOs. Lookups are batched per response, never one query per row. */
export function toOrganisationDto(organisation: Organisation): OrganisationDto {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    website: organisation.website,
  };
}

export async function toMeDto(context: WorkspaceContext, user: User): Promise<MeDto> {
  const [organisation, memberships] = await Promise.all([
    user.organisationId ? context.store.organisations.findById(user.organisationId) : null,
    context.store.memberships.listByUser(user.id),
  ]);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    publicPseudonym: user.publicPseudonym,
    organisation: organisation ? toOrganisationDto(organisation) : null,
    platformRole: user.platformRole,
    memberships: memberships.map((m) => ({ consultationId: m.consultationId, role: m.role })),
  };
}

export function toConsultationDto(
  consultation: Consultation,
  myRole: ConsultationRole | null,
): ConsultationDto {
  return { ...consultation, myRole };
}

export async function toConsultationDtos(
  context: WorkspaceContext,
  user: User | null,
  consultations: readonly Consultation[],
): Promise<ConsultationDto[]> {
  const memberships = user ? await context.store.memberships.listByUser(user.id) : [];
  const roles = new Map(memberships.map((m) => [m.consultationId, m.role]));
  return consultations.map((c) => toConsultationDto(c, roles.get(c.id) ?? null));
}

export async function toMemberDtos(
  context: WorkspaceContext,
  memberships: readonly Membership[],
): Promise<MemberDto[]> {
  const users = new Map(
    (await context.store.users.listByIds(memberships.map((m) => m.userId))).map((u) => [u.id, u]),
  );
  const organisationIds = [...users.values()].flatMap((u) =>
    u.organisationId ? [u.organisationId] : [],
  );
  const organisations = await organisationsById(context, organisationIds);
  return memberships.flatMap((membership) => {
    const user = users.get(membership.userId);
    if (!user) return [];
    const organisation = user.organisationId ? organisations.get(user.organisationId) : undefined;
    return [
      {
        userId: user.id,
        displayName: user.displayName,
        organisation: organisation ? toOrganisationDto(organisation) : null,
        role: membership.role,
        since: membership.createdAt,
      },
    ];
  });
}

export async function toCommitmentDtos(
  context: WorkspaceContext,
  commitments: readonly Commitment[],
): Promise<CommitmentDto[]> {
  const organisations = await organisationsById(
    context,
    commitments.flatMap((c) => [...c.leadOrganisationIds, ...c.partnerOrganisationIds]),
  );
  const contributors = new Map(
    (
      await context.store.users.listByIds(commitments.flatMap((c) => c.readModel.contributorIds))
    ).map((u) => [u.id, u]),
  );
  const orgDtos = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const organisation = organisations.get(id);
      return organisation ? [toOrganisationDto(organisation)] : [];
    });
  return commitments.map((commitment) => ({
    id: commitment.id,
    consultationId: commitment.consultationId,
    number: commitment.number,
    title: commitment.title,
    theme: commitment.theme,
    leadOrganisations: orgDtos(commitment.leadOrganisationIds),
    partnerOrganisations: orgDtos(commitment.partnerOrganisationIds),
    status: commitment.status,
    locked: commitment.locked,
    docName: commitment.docName,
    draft: {
      title: commitment.readModel.title,
      sections: commitment.readModel.sections,
      milestones: [...commitment.readModel.milestones],
      wordCount: commitment.readModel.wordCount,
      lastEditedAt: commitment.readModel.lastEditedAt,
      contributors: commitment.readModel.contributorIds.flatMap((id) => {
        const user = contributors.get(id);
        // Drafts can be public: contributors appear under their public name.
        return user ? [{ userId: id, displayName: publicNameOf(user) }] : [];
      }),
    },
    createdAt: commitment.createdAt,
    updatedAt: commitment.updatedAt,
  }));
}

export async function toAuditEntryDtos(
  context: WorkspaceContext,
  entries: readonly AuditEntry[],
): Promise<AuditEntryDto[]> {
  const actors = new Map(
    (
      await context.store.users.listByIds(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))
    ).map((u) => [u.id, u]),
  );
  return entries.map((entry) => {
    const actor = entry.actorId ? actors.get(entry.actorId) : undefined;
    return {
      id: entry.id,
      action: entry.action,
      actor: actor ? { userId: actor.id, displayName: actor.displayName } : null,
      target: entry.target,
      details: { ...entry.details },
      at: entry.at,
    };
  });
}

async function organisationsById(
  context: WorkspaceContext,
  ids: readonly string[],
): Promise<Map<string, Organisation>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await context.store.organisations.listByIds(unique)).map((o) => [o.id, o]));
}
