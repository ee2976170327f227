import {
  decideOnRound,
  isRoleAtLeast,
  roundDatesAreOrdered,
  roundPhase,
  summariseParticipation,
  type CommentRound,
  type CommentRoundCreateInput,
  type CommentRoundUpdateInput,
  type CommitmentParticipation,
  type ConsultationFacts,
  type ConsultationRole,
  type User,
} from '@atelier/domain';
import { AppError, denied } from '../../errors/appError';
import { actorOf, authorizeOnConsultation, loadConsultationFacts } from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';
import { participantKindsOf } from './threadCommands';

export interface RoundView {
  readonly round: CommentRound;
  readonly participation: readonly CommitmentParticipation[];
}

/** `PATCH /api/rounds/{id}`: the domain's changes, plus closing now (the server's clock decides). */
export type RoundUpdate = CommentRoundUpdateInput & { readonly closeNow?: boolean };

export function roundNotFound(): AppError {
  return AppError.notFound('round_not_found', 'No such comment round.');
}

/** Rounds of a consultation by opening date, each with its participation per commitment. */
export async function listRounds(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<RoundView[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read', facts);
  const rounds = await context.store.commentRounds.listByConsultation(consultationId);
  return withParticipation(context, rounds);
}

/** A facilitator opens a round: from `opensAt` on, comments are taken until `closesAt`. */
export async function createRound(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  input: CommentRoundCreateInput,
): Promise<RoundView> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read', facts);
  const now = context.now().toISOString();
  const round: CommentRound = {
    id: context.newId(),
    consultationId,
    title: input.title,
    instructions: input.instructions,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    audience: input.audience,
    commitmentIds: input.commitmentIds,
    createdBy: user?.id ?? '',
    createdAt: now,
  };
  authorizeRound(user, 'round.manage', { ...facts, round, now });
  await ensureCommitmentsOf(context, consultationId, round.commitmentIds);
  await context.store.commentRounds.create(round);
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'round.opened',
    target: `round:${round.id}`,
    details: {
      title: round.title,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      audience: round.audience,
    },
  });
  return { round, participation: [] };
}

/** Dates, instructions, audience, commitments; `closeNow` ends an open round early. */
export async function updateRound(
  context: WorkspaceContext,
  user: User | null,
  roundId: string,
  input: RoundUpdate,
): Promise<RoundView> {
  const { round: previous, facts } = await loadRoundFacts(context, user, roundId);
  const now = context.now().toISOString();
  authorizeRound(user, 'round.manage', { ...facts, round: previous, now });
  const { closeNow, ...changes } = input;
  const patch = { ...changes, ...(closeNow ? { closesAt: now } : {}) };
  if (closeNow && roundPhase(previous, now) !== 'open') {
    throw AppError.conflict(
      'round_not_open',
      'Only an open round can be closed now; change the dates of the others.',
    );
  }
  const merged = { ...previous, ...patch };
  if (!roundDatesAreOrdered(merged)) {
    throw AppError.badRequest(
      'validation_failed',
      'Invalid body (closesAt): must be after opensAt.',
    );
  }
  if (patch.commitmentIds)
    await ensureCommitmentsOf(context, previous.consultationId, patch.commitmentIds);
  const updated = await context.store.commentRounds.update(roundId, patch);
  if (!updated) throw roundNotFound();
  const closed = roundPhase(previous, now) !== 'closed' && roundPhase(updated, now) === 'closed';
  await recordAudit(context, {
    consultationId: updated.consultationId,
    actor: user,
    action: closed ? 'round.closed' : 'round.updated',
    target: `round:${roundId}`,
    details: closed ? { closesAt: updated.closesAt } : { fields: Object.keys(patch) },
  });
  const [view] = await withParticipation(context, [updated]);
  return view!;
}

/**
 * A signed-in person joins an open public round: they become a `commenter` of the consultation.
 * Joining never lowers a role. Returns the role they have afterwards.
 */
export async function joinRound(
  context: WorkspaceContext,
  user: User | null,
  roundId: string,
): Promise<{ consultationId: string; role: ConsultationRole }> {
  const { round, facts } = await loadRoundFacts(context, user, roundId);
  authorizeRound(user, 'round.join', { ...facts, round, now: context.now().toISOString() });
  const role = await ensureCommenter(context, user!, facts);
  return { consultationId: round.consultationId, role };
}

/**
 * Makes a participant of a public round a `commenter` when they had no role or a lower one, with
 * an audit entry; open sockets learn of the new access at once.
 */
export async function ensureCommenter(
  context: WorkspaceContext,
  user: User,
  facts: ConsultationFacts,
): Promise<ConsultationRole> {
  const current = facts.membership?.role ?? null;
  if (current !== null && isRoleAtLeast(current, 'commenter')) return current;
  const consultationId = facts.consultation.id;
  await context.store.memberships.upsert({
    consultationId,
    userId: user.id,
    role: 'commenter',
    createdAt: facts.membership?.createdAt ?? context.now().toISOString(),
  });
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'member.role_changed',
    target: `user:${user.id}`,
    details: { from: current, to: 'commenter', via: 'public_round' },
  });
  context.accessChanges.notify({ scope: 'user', userId: user.id });
  return 'commenter';
}

async function loadRoundFacts(context: WorkspaceContext, user: User | null, roundId: string) {
  const round = await context.store.commentRounds.findById(roundId);
  if (!round) throw roundNotFound();
  const facts = await loadConsultationFacts(context, user, round.consultationId);
  // Rounds of a consultation one may not read do not exist for them.
  try {
    authorizeOnConsultation(user, 'consultation.read', facts);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw roundNotFound();
    throw error;
  }
  return { round, facts };
}

function authorizeRound(
  user: User | null,
  action: 'round.manage' | 'round.join',
  facts: Parameters<typeof decideOnRound>[2],
): void {
  const decision = decideOnRound(actorOf(user), action, facts);
  if (!decision.allowed) throw denied(decision.reason);
}

async function ensureCommitmentsOf(
  context: WorkspaceContext,
  consultationId: string,
  commitmentIds: readonly string[],
): Promise<void> {
  if (commitmentIds.length === 0) return;
  const known = new Set(
    (await context.store.commitments.listByConsultation(consultationId)).map((c) => c.id),
  );
  if (commitmentIds.some((id) => !known.has(id))) {
    throw AppError.badRequest(
      'unknown_commitment',
      'One of the commitments is not part of this consultation.',
    );
  }
}

async function withParticipation(
  context: WorkspaceContext,
  rounds: readonly CommentRound[],
): Promise<RoundView[]> {
  const threadsByRound = await Promise.all(
    rounds.map((round) => context.store.commentThreads.listByRound(round.id)),
  );
  const authorIds = threadsByRound.flatMap((threads) =>
    threads.flatMap(({ comments }) => comments.map((comment) => comment.authorId)),
  );
  const kindOf = await participantKindsOf(context, authorIds);
  return rounds.map((round, index) => ({
    round,
    participation: summariseParticipation(threadsByRound[index]!, (id) => kindOf.get(id)),
  }));
}
