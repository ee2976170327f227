import type { Comment, CommentThread } from './commentThread';
import { roundCoversCommitment, roundPhase, type CommentRound } from './commentRound';
import { isConsultationWritable } from './consultation';
import type { Membership } from './membership';
import { isMuteActive, type ModeratorRole, type Mute } from './moderation';
import {
  decideOnCommitment,
  decideOnConsultation,
  hasRole,
  isAdmin,
  requireRole,
  type Actor,
  type CommitmentFacts,
  type ConsultationFacts,
  type DenialReason,
} from './permissions';
import type { User } from './user';

/**
 * Who may comment, answer and moderate, as issue 6 describes it. Same shape as permissions.ts:
 * pure functions over facts the caller loads, one answer with a stable reason the REST and
 * Socket.io layers map to a 4xx and a message.
 *
 * Where comments may be written:
 * - In a round that is open and covers the commitment: members with at least the `commenter`
 *   role; in a public round, any signed-in person whose account is active (the server then
 *   makes them a `commenter`, see `round.join`).
 * - Outside rounds (a thread with no round): members with at least the `contributor` role, the
 *   people who co-write the drafts and keep discussing them between rounds. Commenters and the
 *   public are refused with `no_open_round`: a citizen who joined one public round stays a
 *   `commenter`, and "after closing, new comments are refused" must hold for them.
 * - A reply, an edit or a reaction follows the thread's round: once that round has closed,
 *   nobody adds to its threads (the response phase has started); an outside-round thread stays
 *   open to contributors.
 * - Never while the consultation is not writable (closed, published, archived), never while
 *   muted, never on a thread whose first comment is hidden.
 */
export type CommentDenialReason =
  | DenialReason
  | 'muted'
  | 'round_not_open_yet'
  | 'round_closed'
  | 'commitment_not_in_round'
  | 'no_open_round'
  | 'not_author'
  | 'not_lead_organisation'
  | 'thread_hidden'
  | 'comment_deleted'
  | 'comment_hidden'
  | 'comment_not_hidden'
  | 'cannot_mute_moderator';

export type CommentDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: CommentDenialReason };

const ALLOW: CommentDecision = { allowed: true };
const deny = (reason: CommentDenialReason): CommentDecision => ({ allowed: false, reason });

export interface CommentingFacts extends CommitmentFacts {
  /**
   * The round the comment belongs to. For a new thread: the round the client named or, when it
   * named none, `openRoundFor(rounds, commitmentId, now)`; null outside rounds. For anything on
   * an existing thread: the thread's round (null when its `roundId` is null).
   */
  readonly round: CommentRound | null;
  /** The actor's mute in this consultation (`MuteRepository.activeMute`), or null. */
  readonly mute: Mute | null;
  /** The instant of the request, as `Date#toISOString` writes it. */
  readonly now: string;
}

export interface ThreadFacts extends CommentingFacts {
  readonly thread: CommentThread;
  /** The thread's first comment: when it is hidden, the thread takes no replies. */
  readonly rootComment: Comment;
}

export interface CommentFacts extends ThreadFacts {
  readonly comment: Comment;
}

export type ThreadAction =
  'thread.read' | 'thread.reply' | 'thread.resolve' | 'thread.reopen' | 'thread.respond';

export type CommentAction =
  | 'comment.edit'
  | 'comment.delete'
  | 'comment.react'
  | 'comment.flag'
  | 'comment.hide'
  | 'comment.restore';

export type ModerationPermission =
  'moderation.read_queue' | 'moderation.read_log' | 'participant.unmute';

export type RoundAction = 'round.manage' | 'round.join';

export interface MuteFacts extends ConsultationFacts {
  readonly target: {
    readonly user: Pick<User, 'id' | 'platformRole'>;
    readonly membership: Membership | null;
  };
}

export interface RoundFacts extends ConsultationFacts {
  readonly round: CommentRound;
  readonly now: string;
}

function fromDecision(decision: { allowed: boolean; reason?: DenialReason }): CommentDecision {
  return decision.allowed ? ALLOW : deny(decision.reason ?? 'not_a_member');
}

function active(actor: Actor): CommentDecision {
  if (!actor) return deny('signed_out');
  if (actor.disabled) return deny('account_disabled');
  return ALLOW;
}

function roundIsOpenFor(round: CommentRound, facts: CommitmentFacts, now: string): CommentDecision {
  if (
    round.consultationId !== facts.consultation.id ||
    !roundCoversCommitment(round, facts.commitment.id)
  )
    return deny('commitment_not_in_round');
  const phase = roundPhase(round, now);
  if (phase === 'scheduled') return deny('round_not_open_yet');
  if (phase === 'closed') return deny('round_closed');
  return ALLOW;
}

/** Adding text (a thread, a reply, an edit) or a reaction to the commitment's discussion. */
function mayComment(actor: Actor, facts: CommentingFacts): CommentDecision {
  const signedIn = active(actor);
  if (!signedIn.allowed) return signedIn;
  const read = fromDecision(decideOnCommitment(actor, 'commitment.read', facts));
  if (!read.allowed) return read;
  if (!isConsultationWritable(facts.consultation.status)) return deny('consultation_closed');
  if (isMuteActive(facts.mute, facts.now)) return deny('muted');
  const { round } = facts;
  if (round) {
    const open = roundIsOpenFor(round, facts, facts.now);
    if (!open.allowed) return open;
    // Reading was checked above: a public round on a members-only consultation admits members.
    if (round.audience === 'public') return ALLOW;
    return fromDecision(requireRole(actor, facts, 'commenter'));
  }
  if (requireRole(actor, facts, 'contributor').allowed) return ALLOW;
  return facts.membership?.role === 'observer' ? deny('role_too_low') : deny('no_open_round');
}

/** Facilitators, and members of the commitment's lead organisations, answer for the text. */
function mayAnswer(actor: Actor, facts: CommitmentFacts): CommentDecision {
  const signedIn = active(actor);
  if (!signedIn.allowed) return signedIn;
  if (!isAdmin(actor) && !hasRole(facts, 'facilitator')) {
    const byRole = fromDecision(requireRole(actor, facts, 'commenter'));
    if (!byRole.allowed) return byRole;
    const organisationId = actor?.organisationId ?? null;
    if (organisationId === null || !facts.commitment.leadOrganisationIds.includes(organisationId))
      return deny('not_lead_organisation');
  }
  return facts.consultation.status === 'archived' ? deny('consultation_closed') : ALLOW;
}

function mayModerate(actor: Actor, facts: ConsultationFacts): CommentDecision {
  return fromDecision(requireRole(actor, facts, 'facilitator'));
}

function assertThreadRound(facts: ThreadFacts): void {
  if ((facts.round?.id ?? null) !== facts.thread.roundId) {
    throw new TypeError("facts.round must be the thread's round");
  }
}

/** A new thread on the commitment (`POST /api/commitments/{id}/threads`). */
export function decideOnNewThread(actor: Actor, facts: CommentingFacts): CommentDecision {
  return mayComment(actor, facts);
}

export function decideOnThread(
  actor: Actor,
  action: ThreadAction,
  facts: ThreadFacts,
): CommentDecision {
  assertThreadRound(facts);
  switch (action) {
    case 'thread.read':
      return fromDecision(decideOnCommitment(actor, 'commitment.read', facts));
    case 'thread.reply': {
      const may = mayComment(actor, facts);
      if (!may.allowed) return may;
      return facts.rootComment.hidden !== null ? deny('thread_hidden') : ALLOW;
    }
    case 'thread.resolve':
    case 'thread.reopen':
    case 'thread.respond':
      return mayAnswer(actor, facts);
  }
}

export function decideOnComment(
  actor: Actor,
  action: CommentAction,
  facts: CommentFacts,
): CommentDecision {
  assertThreadRound(facts);
  const { comment } = facts;
  switch (action) {
    case 'comment.edit': {
      const signedIn = active(actor);
      if (!signedIn.allowed) return signedIn;
      if (actor?.id !== comment.authorId) return deny('not_author');
      if (comment.deletedAt !== null) return deny('comment_deleted');
      if (comment.hidden !== null) return deny('comment_hidden');
      return mayComment(actor, facts);
    }
    case 'comment.delete': {
      // Withdrawing one's words is always possible, muted or not, while the record is not frozen.
      const signedIn = active(actor);
      if (!signedIn.allowed) return signedIn;
      if (actor?.id !== comment.authorId) return deny('not_author');
      if (comment.deletedAt !== null) return deny('comment_deleted');
      return facts.consultation.status === 'archived' ? deny('consultation_closed') : ALLOW;
    }
    case 'comment.react': {
      const may = mayComment(actor, facts);
      if (!may.allowed) return may;
      if (comment.deletedAt !== null) return deny('comment_deleted');
      return comment.hidden !== null ? deny('comment_hidden') : ALLOW;
    }
    case 'comment.flag': {
      const signedIn = active(actor);
      if (!signedIn.allowed) return signedIn;
      const read = fromDecision(decideOnCommitment(actor, 'commitment.read', facts));
      if (!read.allowed) return read;
      return comment.deletedAt !== null ? deny('comment_deleted') : ALLOW;
    }
    case 'comment.hide': {
      const may = mayModerate(actor, facts);
      if (!may.allowed) return may;
      if (comment.deletedAt !== null) return deny('comment_deleted');
      return comment.hidden !== null ? deny('comment_hidden') : ALLOW;
    }
    case 'comment.restore': {
      const may = mayModerate(actor, facts);
      if (!may.allowed) return may;
      return comment.hidden === null ? deny('comment_not_hidden') : ALLOW;
    }
  }
}

/** The moderation queue is for facilitators; the moderation log is as public as the consultation. */
export function decideOnModeration(
  actor: Actor,
  action: ModerationPermission,
  facts: ConsultationFacts,
): CommentDecision {
  switch (action) {
    case 'moderation.read_log':
      return fromDecision(decideOnConsultation(actor, 'consultation.read', facts));
    case 'moderation.read_queue':
    case 'participant.unmute':
      return mayModerate(actor, facts);
  }
}

/** Facilitators mute participants; never another moderator, nor themselves. */
export function decideOnMute(actor: Actor, facts: MuteFacts): CommentDecision {
  const may = mayModerate(actor, facts);
  if (!may.allowed) return may;
  const { target } = facts;
  const targetModerates =
    target.user.platformRole === 'admin' || target.membership?.role === 'facilitator';
  return targetModerates || target.user.id === actor?.id ? deny('cannot_mute_moderator') : ALLOW;
}

/**
 * `round.manage`: create and change rounds, facilitators only, until the consultation is
 * published. `round.join`: a signed-in person joins an open public round as a `commenter`.
 */
export function decideOnRound(
  actor: Actor,
  action: RoundAction,
  facts: RoundFacts,
): CommentDecision {
  switch (action) {
    case 'round.manage': {
      const may = mayModerate(actor, facts);
      if (!may.allowed) return may;
      const finished =
        facts.consultation.status === 'published' || facts.consultation.status === 'archived';
      return finished ? deny('consultation_closed') : ALLOW;
    }
    case 'round.join': {
      const signedIn = active(actor);
      if (!signedIn.allowed) return signedIn;
      const read = fromDecision(decideOnConsultation(actor, 'consultation.read', facts));
      if (!read.allowed) return read;
      if (facts.round.audience !== 'public' || facts.round.consultationId !== facts.consultation.id)
        return deny('not_a_member');
      if (!isConsultationWritable(facts.consultation.status)) return deny('consultation_closed');
      const phase = roundPhase(facts.round, facts.now);
      if (phase === 'scheduled') return deny('round_not_open_yet');
      return phase === 'closed' ? deny('round_closed') : ALLOW;
    }
  }
}

/** The role the public moderation log shows for this moderator. */
export function moderatorRoleOf(facts: ConsultationFacts): ModeratorRole {
  return facts.membership?.role === 'facilitator' ? 'facilitator' : 'admin';
}
