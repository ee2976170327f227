import type { z } from 'zod';
import {
  addPoll,
  assignBreakoutGroups,
  closePoll,
  endBreakout,
  endSession,
  giveFloor,
  goToAgendaItem,
  lowerHand,
  mayRunForumCommand,
  openPoll,
  pauseSession,
  pollInputProblem,
  pollOptionsFor,
  raiseHand,
  resumeSession,
  setSpotlight,
  startBreakout,
  startSession,
  type ForumCommand,
  type ForumParticipantRole,
  type Poll,
  type User,
} from '@atelier/domain';
import {
  ForumEvent,
  type ForumAck,
  type ForumErrorCode,
  type ForumSnapshot,
  type JoinedAck,
} from '@atelier/protocol';
import { TokenBucket } from '../collab/tokenBucket';
import type { Logger } from '../logging/logger';
import { readCookie } from '../workspace/sessionCookie';
import { userRoleInSession } from './forumAccess';
import type { ForumNamespace, ForumSocket } from './forumNamespace';
import { toForumSessionDto } from './forumDtos';
import {
  contributeSchema,
  createPollSchema,
  giveFloorSchema,
  goToItemSchema,
  hideContributionSchema,
  participantRefSchema,
  pollRefSchema,
  raiseHandSchema,
  reactSchema,
  sessionRefSchema,
  spotlightSchema,
  startBreakoutSchema,
  voteSchema,
} from './forumPayloadSchemas';
import { forumFacilitatorsRoom, forumRoom } from './forumRooms';
import { hashGuestToken } from './forumSecrets';
import type { ForumService } from './forumService';
import type { CommandOutcome, LiveForumSession } from './liveForumSession';

/** Reactions are for the projector's mood, not a channel: a few a second per person is plenty. */
export const REACTIONS_PER_SECOND = 2;
export const REACTION_BURST = 5;
/** Raising and lowering a hand, per person. */
export const HANDS_PER_SECOND = 1;
export const HAND_BURST = 4;
/** Written contributions, per person: a few in a row, then one every few seconds. */
export const CONTRIBUTIONS_PER_SECOND = 0.2;
export const CONTRIBUTION_BURST = 3;
const MAX_GUEST_TOKEN_LENGTH = 128;

type Reply = (result: ForumAck<Record<string, unknown>>) => void;

interface AuthorizedCall<P> {
  readonly live: LiveForumSession;
  readonly participantId: string;
  readonly role: ForumParticipantRole;
  readonly user: User | null;
  readonly payload: P;
}

function refusal(code: ForumErrorCode, message: string) {
  return { ok: false as const, code, message };
}

const MESSAGES: Partial<Record<ForumErrorCode, string>> = {
  forbidden: 'Your role in this session does not allow this.',
  not_joined: 'Join the session first.',
  not_found: 'No such session, poll, participant or contribution.',
  session_ended: 'This session has ended.',
  session_not_live: 'The session is not running.',
  poll_not_open: 'This poll is not open.',
  already_voted: 'You have already voted in this poll.',
  invalid_ballot: 'This ballot does not answer the poll.',
  too_many_polls: 'This session has too many polls.',
  rate_limited: 'Too many at once; wait a moment.',
  no_such_item: 'The agenda has no such item.',
  breakout_running: 'Breakout groups are already running.',
  no_breakout: 'No breakout groups are running.',
  invalid_payload: 'Invalid command.',
};

function toAck(outcome: CommandOutcome): ForumAck<Record<string, unknown>> {
  return outcome.ok ? { ok: true } : refusal(outcome.code, MESSAGES[outcome.code] ?? outcome.code);
}

/**
 * The `/forum` namespace. The handshake names the person (session cookie) or the guest
 * (`auth.guestToken`); neither is refused. `forum:join` decides who they are in the session;
 * every command then checks again, against the store, that they may do it, after its payload
 * passed its schema: a malformed command is answered `invalid_payload` and changes nothing.
 */
export function attachForumSockets(
  namespace: ForumNamespace,
  service: ForumService,
  options: { cookieName: string; publicOrigin: string; logger: Logger },
): () => void {
  const { registry, store, context } = service;
  const buckets = new Map<
    string,
    { reactions: TokenBucket; hands: TokenBucket; contributions: TokenBucket }
  >();

  function bucketsOf(live: LiveForumSession, participantId: string) {
    const key = `${live.id}/${participantId}`;
    let found = buckets.get(key);
    if (!found) {
      found = {
        reactions: new TokenBucket(REACTIONS_PER_SECOND, REACTION_BURST),
        hands: new TokenBucket(HANDS_PER_SECOND, HAND_BURST),
        contributions: new TokenBucket(CONTRIBUTIONS_PER_SECOND, CONTRIBUTION_BURST),
      };
      buckets.set(key, found);
    }
    return found;
  }

  namespace.use((socket: ForumSocket, next) => {
    const origin = socket.handshake.headers.origin;
    if (origin !== undefined && origin !== options.publicOrigin)
      return next(new Error('forbidden'));
    socket.data.userId = null;
    socket.data.guest = null;
    socket.data.joined = new Map();
    identify(socket).then(
      (known) => next(known ? undefined : new Error('unauthenticated')),
      (error: unknown) => {
        options.logger.error({ err: error }, 'identifying a forum socket failed');
        next(new Error('unauthenticated'));
      },
    );
  });

  /** A valid guest token wins (a guest tab on a signed-in browser); else the session cookie. */
  async function identify(socket: ForumSocket): Promise<boolean> {
    const auth: unknown = socket.handshake.auth;
    const guestToken =
      typeof auth === 'object' && auth !== null && 'guestToken' in auth
        ? (auth as { guestToken: unknown }).guestToken
        : undefined;
    if (
      typeof guestToken === 'string' &&
      guestToken.length > 0 &&
      guestToken.length <= MAX_GUEST_TOKEN_LENGTH
    ) {
      const guest = await store.findParticipantByGuestTokenHash(hashGuestToken(guestToken));
      if (guest) {
        socket.data.guest = guest;
        return true;
      }
    }
    const token = readCookie(socket.request, options.cookieName);
    const session = token ? await context.sessions.resolve(token) : null;
    if (!session) return false;
    socket.data.userId = session.user.id;
    return true;
  }

  function snapshotFor(live: LiveForumSession, role: ForumParticipantRole): ForumSnapshot {
    const facilitator = role === 'facilitator';
    return {
      session: toForumSessionDto(live.session, live.state, facilitator),
      state: live.state,
      results: live.allResults(role),
      attendance: live.attendance(facilitator),
      contributions: live.latestContributions(facilitator),
      serverNowMs: Date.now(),
    };
  }

  /** Who this socket is in the session now, read again from the store for signed-in people. */
  async function currentRole(
    socket: ForumSocket,
    live: LiveForumSession,
  ): Promise<{ role: ForumParticipantRole; user: User | null } | null> {
    const guest = socket.data.guest;
    if (guest) return guest.sessionId === live.id ? { role: 'guest', user: null } : null;
    if (!socket.data.userId) return null;
    const found = await userRoleInSession(context, store, socket.data.userId, live.session);
    return found && { role: found.role, user: found.user };
  }

  async function join(socket: ForumSocket, sessionId: string): Promise<ForumAck<JoinedAck>> {
    const live = await registry.get(sessionId);
    if (!live) return refusal('not_found', 'No such forum session.');
    const who = await currentRole(socket, live);
    if (!who) return refusal('forbidden', 'Join this session by its code first.');
    const participant = who.user
      ? await service.admitUser(live, who.user)
      : (live.findParticipant(socket.data.guest!.id) ?? socket.data.guest!);
    if (!socket.data.joined.has(sessionId)) {
      socket.data.joined.set(sessionId, participant.id);
      live.screenConnected(participant.id);
    }
    await socket.join(forumRoom(sessionId));
    if (who.role === 'facilitator') await socket.join(forumFacilitatorsRoom(sessionId));
    else await socket.leave(forumFacilitatorsRoom(sessionId));
    // Built after joining the rooms: a change from now on reaches this screen as an event too,
    // and the screen keeps whichever state has the higher version.
    return {
      ok: true,
      snapshot: snapshotFor(live, who.role),
      you: {
        participantId: participant.id,
        role: who.role,
        displayName: participant.displayName,
        votedPollIds: live.votedPollIds(participant.id),
        mayComment: mayRunForumCommand(who.role, 'comment.write', live.session.guestPolicy),
      },
    };
  }

  async function leave(socket: ForumSocket, sessionId: string): Promise<void> {
    const participantId = socket.data.joined.get(sessionId);
    if (participantId === undefined) return;
    socket.data.joined.delete(sessionId);
    await socket.leave(forumRoom(sessionId));
    await socket.leave(forumFacilitatorsRoom(sessionId));
    const live = registry.loadedSession(sessionId);
    if (live) {
      live.screenDisconnected(participantId);
      registry.release(live);
    }
  }

  namespace.on('connection', (socket: ForumSocket) => {
    /**
     * Registers a command: payload checked by its schema, caller joined and allowed (the role
     * is read again now), then the handler; its ack always comes, an unexpected failure as
     * `internal_error` with nothing changed.
     */
    function command<S extends z.ZodType<{ sessionId: string }>>(
      event: string,
      schema: S,
      permission: ForumCommand | null,
      handler: (call: AuthorizedCall<z.infer<S>>) => Promise<ForumAck<Record<string, unknown>>>,
    ): void {
      socket.on(
        event as never,
        ((payload: unknown, ack: unknown) => {
          if (typeof ack !== 'function') return;
          const reply = ack as Reply;
          const parsed = schema.safeParse(payload);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
            reply(refusal('invalid_payload', `Invalid command${where}: ${issue?.message ?? ''}`));
            return;
          }
          authorize(parsed.data as z.infer<S>, permission)
            .then((call) => ('ok' in call ? call : handler(call)))
            .then(reply, (error: unknown) => {
              options.logger.error({ err: error, event }, 'forum command failed');
              reply(
                refusal('internal_error', 'The server could not do this; nothing was changed.'),
              );
            });
        }) as never,
      );
    }

    async function authorize<P extends { sessionId: string }>(
      payload: P,
      permission: ForumCommand | null,
    ): Promise<AuthorizedCall<P> | ReturnType<typeof refusal>> {
      const participantId = socket.data.joined.get(payload.sessionId);
      if (participantId === undefined) return refusal('not_joined', MESSAGES.not_joined!);
      const live = await registry.get(payload.sessionId);
      if (!live) return refusal('not_found', MESSAGES.not_found!);
      const who = await currentRole(socket, live);
      if (!who) return refusal('forbidden', MESSAGES.forbidden!);
      if (permission && !mayRunForumCommand(who.role, permission, live.session.guestPolicy))
        return refusal('forbidden', MESSAGES.forbidden!);
      return { live, participantId, role: who.role, user: who.user, payload };
    }

    const now = () => context.now();

    socket.on(
      ForumEvent.Join as never,
      ((payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        const reply = ack as (result: ForumAck<JoinedAck>) => void;
        const parsed = sessionRefSchema.safeParse(payload);
        if (!parsed.success) return reply(refusal('invalid_payload', 'Invalid session id.'));
        join(socket, parsed.data.sessionId).then(reply, (error: unknown) => {
          options.logger.error({ err: error }, 'joining a forum session failed');
          reply(refusal('internal_error', 'The server could not let you in; try again.'));
        });
      }) as never,
    );

    command(ForumEvent.Leave, sessionRefSchema, null, async ({ payload }) => {
      await leave(socket, payload.sessionId);
      return { ok: true };
    });

    /** Start, pause, resume, end: the audit log and the minutes follow a change of status. */
    function lifecycle(
      event: string,
      permission: ForumCommand,
      transition: (live: LiveForumSession) => Parameters<LiveForumSession['transition']>[0],
    ) {
      command(event, sessionRefSchema, permission, async ({ live, user }) => {
        const before = live.state.status;
        const outcome = await live.transition(transition(live));
        if (outcome.ok && outcome.changed) await service.statusChanged(live, before, user);
        return toAck(outcome);
      });
    }
    lifecycle(
      ForumEvent.Start,
      'session.start',
      (live) => (state) => startSession(state, live.session.agenda, now().getTime()),
    );
    lifecycle(
      ForumEvent.Pause,
      'session.pause',
      () => (state) => pauseSession(state, now().getTime()),
    );
    lifecycle(
      ForumEvent.Resume,
      'session.resume',
      () => (state) => resumeSession(state, now().getTime()),
    );
    lifecycle(ForumEvent.End, 'session.end', () => (state) => endSession(state, now().getTime()));

    command(ForumEvent.GoToItem, goToItemSchema, 'agenda.goto', async ({ live, payload }) =>
      toAck(
        await live.transition((state) =>
          goToAgendaItem(state, live.session.agenda, payload.itemIndex, now().getTime()),
        ),
      ),
    );

    command(ForumEvent.Spotlight, spotlightSchema, 'spotlight.set', async ({ live, payload }) => {
      if (payload.commitmentId !== null && !(await belongsToSession(live, payload.commitmentId)))
        return refusal('not_found', 'No such commitment in this consultation.');
      return toAck(
        await live.transition((state) =>
          setSpotlight(
            state,
            payload.commitmentId === null
              ? null
              : { commitmentId: payload.commitmentId, passageQuote: payload.passageQuote || null },
            now().getTime(),
          ),
        ),
      );
    });

    command(ForumEvent.RaiseHand, raiseHandSchema, 'hand.raise', async (call) => {
      const topic = call.payload.topic ? call.payload.topic : null;
      if (
        topic !== null &&
        !mayRunForumCommand(call.role, 'comment.write', call.live.session.guestPolicy)
      )
        return refusal('forbidden', 'Guests of this session raise their hand without a topic.');
      if (!bucketsOf(call.live, call.participantId).hands.tryTake(1))
        return refusal('rate_limited', MESSAGES.rate_limited!);
      return toAck(
        await call.live.transition((state) =>
          raiseHand(state, call.participantId, topic, now().getTime()),
        ),
      );
    });

    command(ForumEvent.LowerHand, participantRefSchema, null, async (call) => {
      const own = call.payload.participantId === call.participantId;
      if (
        !mayRunForumCommand(
          call.role,
          own ? 'hand.lower_own' : 'hand.lower_any',
          call.live.session.guestPolicy,
        )
      )
        return refusal('forbidden', MESSAGES.forbidden!);
      if (own && !bucketsOf(call.live, call.participantId).hands.tryTake(1))
        return refusal('rate_limited', MESSAGES.rate_limited!);
      return toAck(
        await call.live.transition((state) => lowerHand(state, call.payload.participantId)),
      );
    });

    command(ForumEvent.GiveFloor, giveFloorSchema, 'floor.give', async ({ live, payload }) => {
      if (payload.participantId !== null && !live.findParticipant(payload.participantId))
        return refusal('not_found', 'No such participant.');
      return toAck(await live.transition((state) => giveFloor(state, payload.participantId)));
    });

    command(ForumEvent.CreatePoll, createPollSchema, 'poll.create', async ({ live, payload }) => {
      const problem = pollInputProblem(payload.poll);
      if (problem) return refusal('invalid_payload', `Invalid poll: ${problem}.`);
      const input = payload.poll;
      const poll: Poll = {
        id: context.newId(),
        question: input.question,
        kind: input.kind,
        options: pollOptionsFor(input, context.newId),
        dotsPerParticipant: input.kind === 'dots' ? input.dotsPerParticipant : null,
        resultVisibility: input.resultVisibility,
        anonymous: input.anonymous,
        status: 'draft',
        createdAt: now().toISOString(),
        openedAt: null,
        closedAt: null,
      };
      const outcome = await live.transition((state) => addPoll(state, poll));
      return outcome.ok ? { ok: true, pollId: poll.id } : toAck(outcome);
    });

    command(ForumEvent.OpenPoll, pollRefSchema, 'poll.open', async ({ live, payload }) =>
      toAck(await live.transition((state) => openPoll(state, payload.pollId, now().getTime()))),
    );
    command(ForumEvent.ClosePoll, pollRefSchema, 'poll.close', async ({ live, payload }) =>
      toAck(await live.transition((state) => closePoll(state, payload.pollId, now().getTime()))),
    );

    command(ForumEvent.Vote, voteSchema, 'poll.vote', async ({ live, participantId, payload }) =>
      toAck(await live.vote(participantId, payload.pollId, payload.ballot, now().toISOString())),
    );

    command(
      ForumEvent.StartBreakout,
      startBreakoutSchema,
      'breakout.start',
      async ({ live, payload }) => {
        const input = payload.breakout;
        for (const commitmentId of input.commitmentIds) {
          if (!(await belongsToSession(live, commitmentId)))
            return refusal('not_found', 'No such commitment in this consultation.');
        }
        // Facilitators stay in plenary; a manual split may name anyone who joined, the others
        // split who is here now.
        const attendees = live.attendance(true).participants ?? [];
        const candidates = attendees.filter(
          (participant) =>
            participant.role !== 'facilitator' &&
            (input.strategy === 'manual' || participant.connected),
        );
        const assignment = assignBreakoutGroups({
          strategy: input.strategy,
          commitmentIds: input.commitmentIds,
          participants: candidates,
          ...(input.assignments ? { assignments: input.assignments } : {}),
          seed: `${live.id}/${live.state.version}`,
          newId: context.newId,
        });
        if (!assignment.ok)
          return refusal('invalid_payload', `Invalid breakout: ${assignment.detail}.`);
        return toAck(
          await live.transition((state) =>
            startBreakout(
              state,
              {
                strategy: input.strategy,
                groups: assignment.groups,
                durationMinutes: input.durationMinutes,
              },
              now().getTime(),
            ),
          ),
        );
      },
    );

    command(ForumEvent.EndBreakout, sessionRefSchema, 'breakout.end', async ({ live }) =>
      toAck(await live.transition((state) => endBreakout(state))),
    );

    command(
      ForumEvent.React,
      reactSchema,
      'reaction.send',
      async ({ live, participantId, payload }) => {
        if (live.state.status === 'ended') return refusal('session_ended', MESSAGES.session_ended!);
        if (!bucketsOf(live, participantId).reactions.tryTake(1))
          return refusal('rate_limited', MESSAGES.rate_limited!);
        namespace.to(forumRoom(live.id)).emit(ForumEvent.Reaction, {
          sessionId: live.id,
          kind: payload.kind,
          at: now().toISOString(),
        });
        return { ok: true };
      },
    );

    command(
      ForumEvent.Contribute,
      contributeSchema,
      'comment.write',
      async ({ live, participantId, payload }) => {
        const { status } = live.state;
        if (status !== 'live' && status !== 'paused')
          return refusal('session_not_live', MESSAGES.session_not_live!);
        if (!bucketsOf(live, participantId).contributions.tryTake(1))
          return refusal('rate_limited', MESSAGES.rate_limited!);
        // What the item and the spotlight are is the server's state, not what the screen says.
        const index = live.state.currentItemIndex;
        const item = index === null ? undefined : live.session.agenda[index];
        const spotlight = payload.withSpotlight ? live.state.spotlight : null;
        const contributionId = context.newId();
        const outcome = await live.contribute({
          id: contributionId,
          sessionId: live.id,
          participantId,
          body: payload.body,
          agendaItemId: item?.id ?? null,
          agendaItemTitle: item?.title ?? null,
          commitmentId: spotlight?.commitmentId ?? null,
          passageQuote: spotlight?.passageQuote ?? null,
          createdAt: now().toISOString(),
          hidden: null,
        });
        return outcome.ok ? { ok: true, contributionId } : toAck(outcome);
      },
    );

    command(
      ForumEvent.HideContribution,
      hideContributionSchema,
      'contribution.hide',
      async ({ live, participantId, payload }) =>
        toAck(
          await live.hideContribution(payload.contributionId, {
            reason: payload.reason,
            hiddenByParticipantId: participantId,
            hiddenAt: now().toISOString(),
          }),
        ),
    );

    socket.on('disconnect', () => {
      for (const sessionId of [...socket.data.joined.keys()]) void leave(socket, sessionId);
    });
  });

  /**
   * A role change, a removal or a disabled account also reaches screens already in a session:
   * they stop hearing what they may no longer hear (commands are checked anyway).
   */
  async function reviewAccess(userId: string | null): Promise<void> {
    for (const socket of namespace.sockets.values()) {
      if (!socket.data.userId || (userId !== null && socket.data.userId !== userId)) continue;
      for (const sessionId of [...socket.data.joined.keys()]) {
        const live = await registry.get(sessionId);
        const who = live ? await currentRole(socket, live) : null;
        if (!who) await leave(socket, sessionId);
        else if (who.role !== 'facilitator') await socket.leave(forumFacilitatorsRoom(sessionId));
      }
    }
  }
  const stopReviewing = context.accessChanges.subscribe((change) => {
    if (change.scope === 'document') return;
    reviewAccess(change.scope === 'user' ? change.userId : null).catch((error: unknown) =>
      options.logger.error({ err: error }, 'forum access review failed'),
    );
  });

  async function belongsToSession(live: LiveForumSession, commitmentId: string): Promise<boolean> {
    const commitment = await context.store.commitments.findById(commitmentId);
    return commitment?.consultationId === live.session.consultationId;
  }
  return stopReviewing;
}
