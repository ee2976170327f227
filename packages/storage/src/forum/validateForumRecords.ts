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
  assertKeyOrNull,
  assertPlainObject,
  assertPositiveInteger,
  assertText,
  assertTextOrNull,
} from '../workspace/argumentGuards';
import { checkFields, oneOf, plainRecord, unchecked } from '../workspace/recordChecks';
import type { NewForumParticipant, StoredVote } from './forumStore';

/**
 * Checks shared by both adapters before anything is written (see argumentGuards). The new
 * session, participant, vote and contribution are not checked as plain objects, only field by
 * field (checkFields); the live state and the hiding are (plainRecord).
 */

export function assertForumSession(session: ForumSession): void {
  checkFields(session, 'session', {
    id: assertKey,
    consultationId: assertKey,
    title: assertText,
    joinCode: assertKey,
    minutesDocName: assertKey,
    createdBy: assertKey,
    scheduledAt: assertInstant,
    createdAt: assertInstant,
    agenda: (agenda, what) => {
      if (!Array.isArray(agenda)) throw new TypeError(`${what} must be an array`);
    },
    format: unchecked,
    guestPolicy: unchecked,
  });
}

const checkLiveState = plainRecord<ForumLiveState>({
  status: oneOf(forumStatuses),
  version: assertPositiveInteger,
  // Stored whole and read back as written; only status and version are used in queries.
  currentItemIndex: unchecked,
  itemTimer: unchecked,
  spotlight: unchecked,
  hands: unchecked,
  floorParticipantId: unchecked,
  polls: unchecked,
  breakout: unchecked,
  startedAt: unchecked,
  endedAt: unchecked,
});

export function assertLiveState(state: ForumLiveState): void {
  checkLiveState(state, 'state');
}

export function assertNewParticipant(participant: NewForumParticipant): void {
  checkFields(participant, 'participant', {
    id: assertKey,
    sessionId: assertKey,
    role: oneOf(forumParticipantRoles),
    participantKind: oneOf(participantKinds),
    displayName: assertText,
    joinedAt: assertInstant,
    userId: assertKeyOrNull,
    guestTokenHash: assertKeyOrNull,
  });
  if ((participant.userId === null) === (participant.guestTokenHash === null)) {
    throw new TypeError('a participant is either a user or a guest with a token hash');
  }
}

export function assertVote(vote: StoredVote): void {
  checkFields(vote, 'vote', {
    sessionId: assertKey,
    pollId: assertKey,
    participantId: assertKey,
    ballot: assertPlainObject,
    castAt: assertInstant,
  });
}

export function assertContribution(contribution: ForumContribution): void {
  checkFields(contribution, 'contribution', {
    id: assertKey,
    sessionId: assertKey,
    participantId: assertKey,
    body: assertText,
    agendaItemId: assertTextOrNull,
    agendaItemTitle: assertTextOrNull,
    commitmentId: assertTextOrNull,
    passageQuote: assertTextOrNull,
    createdAt: assertInstant,
    hidden: (hidden) => {
      if (hidden !== null)
        throw new TypeError('a new contribution is not hidden (use hideContribution)');
    },
  });
}

const checkHiding = plainRecord<ForumContributionHiding>({
  reason: assertText,
  hiddenByParticipantId: assertKey,
  hiddenAt: assertInstant,
});

export function assertHiding(hiding: ForumContributionHiding): void {
  checkHiding(hiding, 'hiding');
}
