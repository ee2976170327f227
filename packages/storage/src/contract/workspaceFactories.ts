import { randomUUID } from 'node:crypto';
import { draftDocNameFor, emptyReadModel } from '@atelier/domain';
import type {
  AuditEntry,
  AuthSession,
  Comment,
  CommentReaction,
  CommentRound,
  CommentThread,
  Commitment,
  Consultation,
  Flag,
  Invitation,
  Membership,
  ModerationLogEntry,
  Mute,
  Organisation,
  ThreadResponse,
} from '@atelier/domain';
import type { NewUser } from '../workspace/workspaceStore';

/**
 * Test data for workspace stores: valid records with French-flavoured defaults, unique ids,
 * emails, slugs and token hashes, so tests sharing one database never collide. Pass overrides
 * for what a test is about and nothing else.
 */

let sequence = 0;

function nextNumber(): number {
  sequence += 1;
  return sequence;
}

/** A short unique suffix: a counter for readable failures plus randomness across workers. */
function uniqueSuffix(): string {
  return `${nextNumber()}-${randomUUID().slice(0, 8)}`;
}

const BASE_INSTANT_MS = Date.parse('2024-03-01T09:00:00.000Z');
const ONE_MINUTE_MS = 60_000;
const ONE_DAY_MS = 24 * 60 * ONE_MINUTE_MS;

/** An instant `minutes` after a fixed base (negative: before), as the stores expect it. */
export function minutesAfterBase(minutes: number): string {
  return new Date(BASE_INSTANT_MS + minutes * ONE_MINUTE_MS).toISOString();
}

/** An instant `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * ONE_DAY_MS).toISOString();
}

export function aUser(overrides: Partial<NewUser> = {}): NewUser {
  const suffix = uniqueSuffix();
  return {
    id: `user-${randomUUID()}`,
    email: `camille.martin.${suffix}@exemple.gouv.fr`,
    displayName: 'Camille Martin',
    publicPseudonym: null,
    organisationId: null,
    platformRole: null,
    disabled: false,
    createdAt: minutesAfterBase(0),
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VsZGV0ZXN0$aGFjaGVkZXRlc3Q',
    ...overrides,
  };
}

export function anOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: `organisation-${randomUUID()}`,
    name: `Association Regards Citoyens ${uniqueSuffix()}`,
    kind: 'civil_society',
    website: 'https://www.regardscitoyens.org',
    createdAt: minutesAfterBase(0),
    ...overrides,
  };
}

export function aConsultation(overrides: Partial<Consultation> = {}): Consultation {
  return {
    id: `consultation-${randomUUID()}`,
    title: "Plan d'action national pour un gouvernement ouvert 2021-2023",
    slug: `plan-action-gouvernement-ouvert-${uniqueSuffix()}`,
    description: 'Co-construction des engagements avec la société civile.',
    startsOn: '2021-03-01',
    endsOn: '2021-06-30',
    status: 'draft',
    visibility: 'public',
    createdAt: minutesAfterBase(0),
    updatedAt: minutesAfterBase(0),
    ...overrides,
  };
}

/** A commitment with a filled-in read model; pass `consultationId` and, if it matters, `number`. */
export function aCommitment(overrides: Partial<Commitment> = {}): Commitment {
  const id = overrides.id ?? randomUUID();
  const title = 'Renforcer la participation citoyenne dans l’élaboration des politiques publiques';
  return {
    id,
    consultationId: `consultation-${randomUUID()}`,
    number: nextNumber(),
    title,
    theme: { kind: 'transversal', label: 'Participation citoyenne' },
    leadOrganisationIds: [`organisation-${randomUUID()}`],
    partnerOrganisationIds: [`organisation-${randomUUID()}`, `organisation-${randomUUID()}`],
    status: 'drafting',
    locked: false,
    docName: draftDocNameFor(id),
    readModel: {
      ...emptyReadModel(title),
      sections: {
        problem: 'Les citoyens sont peu associés aux décisions publiques.',
        objective: 'Généraliser les consultations ouvertes.',
      },
      milestones: [
        {
          title: 'Publier un guide de la participation',
          startsOn: '2021-09-01',
          endsOn: '2022-03-31',
          owner: 'Direction interministérielle de la transformation publique',
          expectedOutput: 'Guide en ligne',
        },
      ],
      wordCount: 42,
      lastEditedAt: minutesAfterBase(5),
      contributorIds: [`user-${randomUUID()}`],
    },
    createdAt: minutesAfterBase(0),
    updatedAt: minutesAfterBase(0),
    ...overrides,
  };
}

export function aMembership(overrides: Partial<Membership> = {}): Membership {
  return {
    consultationId: `consultation-${randomUUID()}`,
    userId: `user-${randomUUID()}`,
    role: 'contributor',
    createdAt: minutesAfterBase(0),
    ...overrides,
  };
}

export function anInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: `invitation-${randomUUID()}`,
    consultationId: `consultation-${randomUUID()}`,
    email: `dominique.bernard.${uniqueSuffix()}@association.example.org`,
    role: 'commenter',
    invitedBy: `user-${randomUUID()}`,
    tokenHash: `sha256-${randomUUID()}`,
    expiresAt: daysFromNow(14),
    acceptedAt: null,
    createdAt: daysFromNow(0),
    ...overrides,
  };
}

export function aSession(overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    idHash: `sha256-${randomUUID()}`,
    userId: `user-${randomUUID()}`,
    createdAt: minutesAfterBase(0),
    lastSeenAt: minutesAfterBase(0),
    expiresAt: minutesAfterBase(7 * 24 * 60),
    ...overrides,
  };
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `audit-${randomUUID()}`,
    consultationId: `consultation-${randomUUID()}`,
    actorId: `user-${randomUUID()}`,
    action: 'consultation.updated',
    target: 'consultation:exemple',
    details: { champ: 'titre', avant: 'Ancien titre', après: 'Nouveau titre' },
    at: minutesAfterBase(0),
    ...overrides,
  };
}

export function aCommentRound(overrides: Partial<CommentRound> = {}): CommentRound {
  return {
    id: `round-${randomUUID()}`,
    consultationId: `consultation-${randomUUID()}`,
    title: 'Premier tour de commentaires',
    instructions: 'Commentez les engagements transversaux avant le forum.',
    opensAt: minutesAfterBase(0),
    closesAt: minutesAfterBase(21 * 24 * 60),
    audience: 'members',
    commitmentIds: [],
    createdBy: `user-${randomUUID()}`,
    createdAt: minutesAfterBase(-60),
    ...overrides,
  };
}

/** A thread on a passage; pair it with {@link aComment} `({ threadId: thread.id })`. */
export function aCommentThread(overrides: Partial<CommentThread> = {}): CommentThread {
  return {
    id: `thread-${randomUUID()}`,
    consultationId: `consultation-${randomUUID()}`,
    commitmentId: randomUUID(),
    roundId: null,
    anchor: {
      start: 'AQKF2Lq8DwQA',
      end: 'AQKF2Lq8DxMA',
      quote: 'la participation citoyenne',
      prefix: 'Renforcer ',
      suffix: ' dans l’élaboration',
    },
    status: 'open',
    createdBy: `user-${randomUUID()}`,
    createdAt: minutesAfterBase(0),
    resolvedBy: null,
    resolvedAt: null,
    ...overrides,
  };
}

export function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: `comment-${randomUUID()}`,
    threadId: `thread-${randomUUID()}`,
    authorId: `user-${randomUUID()}`,
    body: 'Pourriez-vous préciser le calendrier <b>et</b> les moyens ?',
    mentions: [],
    createdAt: minutesAfterBase(0),
    editedAt: null,
    deletedAt: null,
    hidden: null,
    ...overrides,
  };
}

export function aCommentReaction(overrides: Partial<CommentReaction> = {}): CommentReaction {
  return {
    commentId: `comment-${randomUUID()}`,
    userId: `user-${randomUUID()}`,
    kind: 'agree',
    createdAt: minutesAfterBase(0),
    ...overrides,
  };
}

export function aThreadResponse(overrides: Partial<ThreadResponse> = {}): ThreadResponse {
  return {
    threadId: `thread-${randomUUID()}`,
    disposition: 'partially_accepted',
    reason: 'Le calendrier est précisé ; les moyens relèvent de la loi de finances.',
    respondedBy: `user-${randomUUID()}`,
    respondedAt: minutesAfterBase(60),
    draftVersion: null,
    ...overrides,
  };
}

export function aFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    id: `flag-${randomUUID()}`,
    consultationId: `consultation-${randomUUID()}`,
    commentId: `comment-${randomUUID()}`,
    flaggedBy: `user-${randomUUID()}`,
    reason: 'Propos injurieux',
    createdAt: minutesAfterBase(0),
    handledAt: null,
    ...overrides,
  };
}

export function aMute(overrides: Partial<Mute> = {}): Mute {
  return {
    consultationId: `consultation-${randomUUID()}`,
    userId: `user-${randomUUID()}`,
    until: minutesAfterBase(24 * 60),
    reason: 'Messages répétés hors sujet',
    by: `user-${randomUUID()}`,
    createdAt: minutesAfterBase(0),
    ...overrides,
  };
}

export function aModerationLogEntry(
  overrides: Partial<ModerationLogEntry> = {},
): ModerationLogEntry {
  return {
    id: `moderation-${randomUUID()}`,
    consultationId: `consultation-${randomUUID()}`,
    action: 'hide',
    target: `comment:${randomUUID()}`,
    reason: 'Données personnelles publiées',
    moderatorRole: 'facilitator',
    at: minutesAfterBase(0),
    ...overrides,
  };
}
