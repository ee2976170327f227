import {
  forumParticipantRoles,
  forumStatuses,
  participantKinds,
  type ForumContribution,
  type ForumContributionHiding,
  type ForumLiveState,
  type ForumSession,
} from '@atelier/domain';
import {
  assertInstant,
  assertKey,
  assertOneOf,
  assertPlainObject,
  assertPositiveInteger,
  assertText,
  assertTextOrNull,
} from '../workspace/argumentGuards';
import type { NewForumParticipant, StoredVote } from './forumStore';

/** Checks shared by both adapters before anything is written (see argumentGuards). */
export function assertForumSession(session: ForumSession): void {
  assertKey(session.id, 'session.id');
  assertKey(session.consultationId, 'session.consultationId');
  assertText(session.title, 'session.title');
  assertKey(session.joinCode, 'session.joinCode');
  assertKey(session.minutesDocName, 'session.minutesDocName');
  assertKey(session.createdBy, 'session.createdBy');
  assertInstant(session.scheduledAt, 'session.scheduledAt');
  assertInstant(session.createdAt, 'session.createdAt');
  if (!Array.isArray(session.agenda)) throw new TypeError('session.agenda must be an array');
}

export function assertLiveState(state: ForumLiveState): void {
  assertPlainObject(state, 'state');
  assertOneOf(state.status, forumStatuses, 'state.status');
  assertPositiveInteger(state.version, 'state.version');
}

export function assertNewParticipant(participant: NewForumParticipant): void {
  assertKey(participant.id, 'participant.id');
  assertKey(participant.sessionId, 'participant.sessionId');
  assertOneOf(participant.role, forumParticipantRoles, 'participant.role');
  assertOneOf(participant.participantKind, participantKinds, 'participant.participantKind');
  assertText(participant.displayName, 'participant.displayName');
  assertInstant(participant.joinedAt, 'participant.joinedAt');
  if (participant.userId !== null) assertKey(participant.userId, 'participant.userId');
  if (participant.guestTokenHash !== null)
    assertKey(participant.guestTokenHash, 'participant.guestTokenHash');
  assertTextOrNull(participant.userId, 'participant.userId');
  if ((participant.userId === null) === (participant.guestTokenHash === null)) {
    throw new TypeError('a participant is either a user or a guest with a token hash');
  }
}

export function assertVote(vote: StoredVote): void {
  assertKey(vote.sessionId, 'vote.sessionId');
  assertKey(vote.pollId, 'vote.pollId');
  assertKey(vote.participantId, 'vote.participantId');
  assertPlainObject(vote.ballot, 'vote.ballot');
  assertInstant(vote.castAt, 'vote.castAt');
}

export function assertContribution(contribution: ForumContribution): void {
  assertKey(contribution.id, 'contribution.id');
  assertKey(contribution.sessionId, 'contribution.sessionId');
  assertKey(contribution.participantId, 'contribution.participantId');
  assertText(contribution.body, 'contribution.body');
  assertTextOrNull(contribution.agendaItemId, 'contribution.agendaItemId');
  assertTextOrNull(contribution.agendaItemTitle, 'contribution.agendaItemTitle');
  assertTextOrNull(contribution.commitmentId, 'contribution.commitmentId');
  assertTextOrNull(contribution.passageQuote, 'contribution.passageQuote');
  assertInstant(contribution.createdAt, 'contribution.createdAt');
  if (contribution.hidden !== null)
    throw new TypeError('a new contribution is not hidden (use hideContribution)');
}

export function assertHiding(hiding: ForumContributionHiding): void {
  assertPlainObject(hiding, 'hiding');
  assertText(hiding.reason, 'hiding.reason');
  assertKey(hiding.hiddenByParticipantId, 'hiding.hiddenByParticipantId');
  assertInstant(hiding.hiddenAt, 'hiding.hiddenAt');
}
