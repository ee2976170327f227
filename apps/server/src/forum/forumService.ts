import {
  initialLiveState,
  type Commitment,
  type ForumParticipant,
  type ForumSession,
  type ForumSessionCreateInput,
  type ForumSessionUpdateInput,
  type GuestJoinInput,
  type User,
} from '@atelier/domain';
import type { ForumJoinedDto, ForumRecordDto, ForumSessionDto } from '@atelier/protocol';
import { JoinCodeTakenError, type ForumStore } from '@atelier/storage';
import { AppError } from '../errors/appError';
import type { LoginThrottle } from '../workspace/auth/loginThrottle';
import {
  authorizeOnConsultation,
  loadConsultationFacts,
  requireSignedIn,
} from '../workspace/loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspace/workspaceContext';
import { participantKindOf, roleOf } from './forumAccess';
import { toForumSessionDto } from './forumDtos';
import { buildForumRecord, minutesSummary } from './forumRecord';
import type { ForumRegistry } from './forumRegistry';
import type { ForumGuestCookieSettings } from './guestCookie';
import { hashGuestToken, newGuestToken, newJoinCode } from './forumSecrets';
import type { LiveForumSession } from './liveForumSession';
import { minutesDocNameFor, type MinutesDocuments } from './minutesDocument';
import { commitmentsOfSession, isSessionRunning } from './sessionDrafts';

const JOIN_CODE_ATTEMPTS = 8;
/** Longer than any guest token we issue: not worth a store look-up. */
const MAX_GUEST_TOKEN_LENGTH = 128;

export interface ForumServiceDeps {
  readonly context: WorkspaceContext;
  readonly store: ForumStore;
  readonly registry: ForumRegistry;
  readonly minutes: MinutesDocuments;
  /** Wrong join codes per client address: guessing a code is throttled like a password. */
  readonly joinThrottle: LoginThrottle;
  /** Set for guests by the join route: the collaboration endpoint reads it (no headers there). */
  readonly guestCookie: ForumGuestCookieSettings;
}

export function forumSessionNotFound(): AppError {
  return AppError.notFound('forum_session_not_found', 'No such forum session.');
}

/**
 * The forum's use cases outside the live socket: scheduling and editing sessions, joining by
 * code, the record; and what happens around the start and the end of a session (audit log,
 * minutes), which the socket commands call.
 */
export class ForumService {
  constructor(private readonly deps: ForumServiceDeps) {}

  get registry(): ForumRegistry {
    return this.deps.registry;
  }

  get store(): ForumStore {
    return this.deps.store;
  }

  get context(): WorkspaceContext {
    return this.deps.context;
  }

  get guestCookie(): ForumGuestCookieSettings {
    return this.deps.guestCookie;
  }

  async list(user: User | null, consultationId: string): Promise<ForumSessionDto[]> {
    const { context } = this.deps;
    const facts = await loadConsultationFacts(context, user, consultationId);
    authorizeOnConsultation(user, 'consultation.read', facts);
    const facilitator = user ? await this.isFacilitator(user, consultationId) : false;
    const stored = await this.deps.store.listSessions(consultationId);
    return stored.map(({ session, state }) => {
      const live = this.deps.registry.loadedSession(session.id);
      return toForumSessionDto(session, live?.state ?? state, facilitator);
    });
  }

  async create(
    user: User | null,
    consultationId: string,
    input: ForumSessionCreateInput,
  ): Promise<ForumSessionDto> {
    const { context, store } = this.deps;
    const facts = await loadConsultationFacts(context, user, consultationId);
    authorizeOnConsultation(user, 'consultation.update', facts);
    const author = requireSignedIn(user);
    await this.checkAgendaCommitments(consultationId, input.agenda);
    const id = context.newId();
    const now = context.now().toISOString();
    const minutesDocName = minutesDocNameFor(id);
    await this.deps.minutes.seed(minutesDocName, `Compte rendu — ${input.title}`);
    const state = initialLiveState();
    for (let attempt = 1; ; attempt += 1) {
      const session: ForumSession = {
        id,
        consultationId,
        title: input.title,
        scheduledAt: new Date(input.scheduledAt).toISOString(),
        format: input.format,
        agenda: input.agenda.map((item) => ({ ...item, id: context.newId() })),
        joinCode: newJoinCode(),
        guestPolicy: input.guestPolicy,
        minutesDocName,
        createdBy: author.id,
        createdAt: now,
      };
      try {
        await store.createSession(session, state);
      } catch (error) {
        if (error instanceof JoinCodeTakenError && attempt < JOIN_CODE_ATTEMPTS) continue;
        throw error;
      }
      await recordAudit(context, {
        consultationId,
        actor: author,
        action: 'forum.scheduled',
        target: `forum_session:${id}`,
        details: { title: session.title, scheduledAt: session.scheduledAt },
      });
      return toForumSessionDto(session, state, true);
    }
  }

  async get(user: User | null, sessionId: string): Promise<ForumSessionDto> {
    const live = await this.deps.registry.get(sessionId);
    if (!live) throw forumSessionNotFound();
    const role = user ? await roleOf(this.deps.context, this.deps.store, user, live.session) : null;
    if (!role) {
      // Readers of the consultation see that it exists; others get the same 404 as for no id.
      const facts = await loadConsultationFacts(
        this.deps.context,
        user,
        live.session.consultationId,
      );
      try {
        authorizeOnConsultation(user, 'consultation.read', facts);
      } catch (error) {
        if (error instanceof AppError && error.status === 404) throw forumSessionNotFound();
        throw error;
      }
    }
    return toForumSessionDto(live.session, live.state, role === 'facilitator');
  }

  async update(
    user: User | null,
    sessionId: string,
    patch: ForumSessionUpdateInput,
  ): Promise<ForumSessionDto> {
    const live = await this.requireFacilitatorOf(user, sessionId);
    return live.serialize(async () => {
      if (live.state.status === 'ended')
        throw AppError.conflict('session_ended', 'This forum session has ended.');
      if (patch.agenda)
        await this.checkAgendaCommitments(live.session.consultationId, patch.agenda);
      const { context } = this.deps;
      const session: ForumSession = {
        ...live.session,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.scheduledAt !== undefined
          ? { scheduledAt: new Date(patch.scheduledAt).toISOString() }
          : {}),
        ...(patch.format !== undefined ? { format: patch.format } : {}),
        ...(patch.guestPolicy !== undefined ? { guestPolicy: patch.guestPolicy } : {}),
        ...(patch.agenda !== undefined
          ? { agenda: patch.agenda.map((item) => ({ ...item, id: context.newId() })) }
          : {}),
      };
      if (
        patch.agenda !== undefined &&
        live.state.currentItemIndex !== null &&
        live.state.currentItemIndex >= session.agenda.length
      ) {
        throw AppError.conflict(
          'agenda_item_in_use',
          'The agenda must keep the item the session is on.',
        );
      }
      if (!(await this.deps.store.updateDefinition(session))) throw forumSessionNotFound();
      live.replaceDefinition(session);
      return toForumSessionDto(session, live.state, true);
    });
  }

  /**
   * `POST /api/forum/join`: a signed-in person becomes a participant of the session with that
   * code; anyone else becomes a guest with the name and kind they give, and gets the token
   * their tab then passes to the socket. Unknown and ended codes are the same 404.
   */
  async joinByCode(
    user: User | null,
    input: GuestJoinInput,
    address: string,
  ): Promise<ForumJoinedDto> {
    const { joinThrottle, context } = this.deps;
    const retryAfter = joinThrottle.retryAfterSeconds(address);
    if (retryAfter > 0) {
      throw new AppError(
        429,
        'rate_limited',
        `Too many wrong codes from this address; try again in ${retryAfter} s.`,
      );
    }
    const stored = await this.deps.store.findOpenSessionByJoinCode(input.code);
    const live = stored ? await this.deps.registry.get(stored.session.id) : null;
    if (!live || live.state.status === 'ended') {
      joinThrottle.recordFailure(address);
      throw AppError.notFound('invalid_join_code', 'No forum session is open with this code.');
    }
    if (user) {
      if (user.disabled) requireSignedIn(user);
      await this.admitUser(live, user);
      return { sessionId: live.id, consultationId: live.session.consultationId, guestToken: null };
    }
    if (input.displayName === undefined || input.participantKind === undefined) {
      throw AppError.badRequest(
        'validation_failed',
        'A guest gives a display name and an organisation kind.',
      );
    }
    const guestToken = newGuestToken();
    await live.admit({
      id: context.newId(),
      sessionId: live.id,
      role: 'guest',
      userId: null,
      guestTokenHash: hashGuestToken(guestToken),
      displayName: input.displayName,
      participantKind: input.participantKind,
      joinedAt: context.now().toISOString(),
    });
    return { sessionId: live.id, consultationId: live.session.consultationId, guestToken };
  }

  /**
   * The participant record of a signed-in person (created at their first join). Their role in
   * the record is the one they had then; what they may do is decided again at every command.
   */
  async admitUser(live: LiveForumSession, user: User): Promise<ForumParticipant> {
    const known = live.participantOfUser(user.id);
    if (known) return known;
    const { context, store } = this.deps;
    return live.admit({
      id: context.newId(),
      sessionId: live.id,
      role: (await roleOf(context, store, user, live.session)) ?? 'signed_in',
      userId: user.id,
      guestTokenHash: null,
      displayName: user.displayName,
      participantKind: await participantKindOf(context, user),
      joinedAt: context.now().toISOString(),
    });
  }

  /**
   * The commitments the session works on (agenda, spotlight, breakout groups), for the screens
   * of people who may not read the consultation: its guests (named by their cookie) and the
   * signed-in people who joined by code, while it runs; its members and facilitators at any time.
   * Others get the same 404 as for an unknown session.
   */
  async sessionCommitments(
    user: User | null,
    guestToken: string | null,
    sessionId: string,
  ): Promise<Commitment[]> {
    const { context, store, registry } = this.deps;
    const live = await registry.get(sessionId);
    if (!live) throw forumSessionNotFound();
    const role = user ? await roleOf(context, store, user, live.session) : null;
    const guest =
      !role && guestToken && guestToken.length <= MAX_GUEST_TOKEN_LENGTH
        ? await store.findParticipantByGuestTokenHash(hashGuestToken(guestToken))
        : null;
    const admittedByCode =
      role === 'signed_in' || (guest?.role === 'guest' && guest.sessionId === live.id);
    if (!role && !admittedByCode) throw forumSessionNotFound();
    if (admittedByCode && !isSessionRunning(live.state)) {
      throw AppError.forbidden(
        'session_not_running',
        'The drafts of a forum session are open to its guests only while it runs.',
      );
    }
    const wanted = commitmentsOfSession(live.session, live.state);
    registry.release(live);
    return (await context.store.commitments.listByConsultation(live.session.consultationId)).filter(
      (commitment) => wanted.has(commitment.id),
    );
  }

  async record(user: User | null, sessionId: string): Promise<ForumRecordDto> {
    const live = await this.deps.registry.get(sessionId);
    if (!live) throw forumSessionNotFound();
    const facts = await loadConsultationFacts(this.deps.context, user, live.session.consultationId);
    try {
      authorizeOnConsultation(user, 'consultation.read', facts);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw forumSessionNotFound();
      throw error;
    }
    const facilitator = user ? await this.isFacilitator(user, live.session.consultationId) : false;
    if (!facilitator && live.state.status !== 'ended') {
      throw AppError.conflict(
        'session_not_ended',
        'The record of a forum session is published when it ends.',
      );
    }
    const record = buildForumRecord(live, facilitator);
    this.deps.registry.release(live);
    return record;
  }

  /** After a change of status: the audit log, and the minutes' summary when the session ends. */
  async statusChanged(
    live: LiveForumSession,
    before: LiveForumSession['state']['status'],
    actor: User | null,
  ): Promise<void> {
    const after = live.state.status;
    if (before === after) return;
    const { context } = this.deps;
    if (before === 'scheduled' && after === 'live') {
      await recordAudit(context, {
        consultationId: live.session.consultationId,
        actor,
        action: 'forum.started',
        target: `forum_session:${live.id}`,
      });
    }
    if (after === 'ended') {
      const record = buildForumRecord(live, true);
      try {
        await this.deps.minutes.append(live.session.minutesDocName, minutesSummary(record));
      } catch (error) {
        context.logger.error({ err: error, sessionId: live.id }, 'appending to the minutes failed');
      }
      await recordAudit(context, {
        consultationId: live.session.consultationId,
        actor,
        action: 'forum.ended',
        target: `forum_session:${live.id}`,
        details: {
          participants: record.attendance.total,
          polls: record.polls.length,
          contributions: record.contributions.length,
        },
      });
    }
  }

  private async isFacilitator(user: User, consultationId: string): Promise<boolean> {
    if (user.disabled) return false;
    if (user.platformRole === 'admin') return true;
    const membership = await this.deps.context.store.memberships.find(consultationId, user.id);
    return membership?.role === 'facilitator';
  }

  private async requireFacilitatorOf(
    user: User | null,
    sessionId: string,
  ): Promise<LiveForumSession> {
    const live = await this.deps.registry.get(sessionId);
    if (!live) throw forumSessionNotFound();
    const facts = await loadConsultationFacts(this.deps.context, user, live.session.consultationId);
    try {
      authorizeOnConsultation(user, 'consultation.update', facts);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw forumSessionNotFound();
      throw error;
    }
    return live;
  }

  private async checkAgendaCommitments(
    consultationId: string,
    agenda: readonly { commitmentId: string | null }[],
  ): Promise<void> {
    const wanted = agenda.flatMap((item) => (item.commitmentId ? [item.commitmentId] : []));
    if (wanted.length === 0) return;
    const known = new Set(
      (await this.deps.context.store.commitments.listByConsultation(consultationId)).map(
        (commitment) => commitment.id,
      ),
    );
    if (wanted.some((id) => !known.has(id))) {
      throw AppError.badRequest(
        'unknown_commitment',
        'An agenda item names a commitment that is not in this consultation.',
      );
    }
  }
}
