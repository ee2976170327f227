export type { AuditAction, AuditEntry } from './auditEntry';
export { auditActions } from './auditEntry';
export type { AuthSession } from './authSession';
export type {
  Commitment,
  CommitmentCreateInput,
  CommitmentReadModel,
  CommitmentStatus,
  CommitmentThemeKind,
  CommitmentUpdateInput,
  DraftSectionKey,
  Milestone,
} from './commitment';
export {
  commitmentCreateSchema,
  commitmentStatuses,
  commitmentThemeKinds,
  commitmentUpdateSchema,
  draftDocNameFor,
  draftSectionKeys,
  emptyReadModel,
} from './commitment';
export type {
  Consultation,
  ConsultationCreateInput,
  ConsultationStatus,
  ConsultationUpdateInput,
  ConsultationVisibility,
} from './consultation';
export {
  canMoveConsultation,
  consultationCreateSchema,
  consultationStatuses,
  consultationUpdateSchema,
  consultationVisibilities,
  isConsultationWritable,
  slugSchema,
} from './consultation';
export type { DocumentAccess, ReadOnlyReason } from './documentAccess';
export { mayEditText } from './documentAccess';
export type { Invitation } from './invitation';
export { INVITATION_VALIDITY_DAYS } from './invitation';
export type { ConsultationRole, Membership } from './membership';
export { consultationRoles, isRoleAtLeast, membershipRoleSchema } from './membership';
export type { Organisation, OrganisationInput, OrganisationKind } from './organisation';
export { organisationInputSchema, organisationKinds } from './organisation';
export type {
  Actor,
  CommitmentAction,
  CommitmentFacts,
  ConsultationAction,
  ConsultationFacts,
  Decision,
  DenialReason,
  DraftAccessDecision,
} from './permissions';
export { decideDraftAccess, decideOnCommitment, decideOnConsultation } from './permissions';
export type { PlatformRole, User } from './user';
export {
  displayNameSchema,
  emailSchema,
  normaliseEmail,
  passwordSchema,
  publicNameOf,
} from './user';
export type {
  CountsByParticipantKind,
  CommitmentParticipation,
  KindOfUser,
  ParticipantKind,
  ReactionCounts,
} from './commentCounts';
export { countReactions, participantKinds, summariseParticipation } from './commentCounts';
export type {
  CommentAction,
  CommentDecision,
  CommentDenialReason,
  CommentFacts,
  CommentingFacts,
  ModerationPermission,
  MuteFacts,
  RoundAction,
  RoundFacts,
  ThreadAction,
  ThreadFacts,
} from './commentPermissions';
export {
  decideOnComment,
  decideOnModeration,
  decideOnMute,
  decideOnNewThread,
  decideOnRound,
  decideOnThread,
  moderatorRoleOf,
} from './commentPermissions';
export type {
  CommentRound,
  CommentRoundAudience,
  CommentRoundCreateInput,
  CommentRoundPhase,
  CommentRoundUpdateInput,
} from './commentRound';
export {
  commentRoundAudiences,
  commentRoundCreateSchema,
  commentRoundUpdateSchema,
  instantInputSchema,
  openRoundFor,
  roundCoversCommitment,
  roundDatesAreOrdered,
  roundPhase,
} from './commentRound';
export type {
  Comment,
  CommentAnchor,
  CommentDisplay,
  CommentEditInput,
  CommentReaction,
  CommentReactionInput,
  CommentReactionKind,
  CommentReplyInput,
  CommentThread,
  CommentThreadStatus,
  ThreadCreateInput,
  ThreadDisposition,
  ThreadResponse,
  ThreadResponseInput,
  ThreadWithComments,
} from './commentThread';
export {
  COMMENT_ANCHOR_LIMITS,
  commentAnchorSchema,
  commentBodySchema,
  commentDisplay,
  commentEditSchema,
  commentReactionKinds,
  commentReactionSchema,
  commentReplySchema,
  commentThreadStatuses,
  threadCreateSchema,
  threadDispositions,
  threadResponseSchema,
} from './commentThread';
export type {
  CommentHiding,
  Flag,
  FlagCreateInput,
  ModerationAction,
  ModerationLogEntry,
  ModerationReasonInput,
  ModeratorRole,
  Mute,
  MuteCreateInput,
} from './moderation';
export {
  flagCreateSchema,
  isMuteActive,
  moderationActions,
  moderationReasonSchema,
  moderatorRoles,
  muteCreateSchema,
} from './moderation';
export {
  COMMENT_BODY_MAX_CHARS,
  COMMENT_MENTIONS_MAX,
  MODERATION_REASON_MAX_CHARS,
  MODERATION_REASON_MIN_CHARS,
  RESPONSE_REASON_MAX_CHARS,
} from './commentLimits';
export type {
  AgendaItem,
  Ballot,
  Breakout,
  BreakoutGroup,
  BreakoutStartInput,
  BreakoutStrategy,
  ForumFormat,
  ForumLiveState,
  ForumParticipant,
  ForumParticipantRole,
  ForumReactionKind,
  ForumSession,
  ForumSessionCreateInput,
  ForumSessionUpdateInput,
  ForumStatus,
  ForumTimer,
  GuestJoinInput,
  GuestPolicy,
  Poll,
  PollCreateInput,
  PollKind,
  PollOption,
  PollResultVisibility,
  PollStatus,
  RaisedHand,
  Spotlight,
} from './forumSession';
export {
  ballotSchema,
  breakoutStartSchema,
  breakoutStrategies,
  FORUM_LIMITS,
  forumFormats,
  forumParticipantRoles,
  forumReactionKinds,
  forumSessionCreateSchema,
  forumSessionUpdateSchema,
  forumStatuses,
  guestJoinSchema,
  guestPolicies,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  pollCreateSchema,
  pollKinds,
  pollResultVisibilities,
  pollStatuses,
  timerRemainingMs,
} from './forumSession';
export type {
  CommentNotification,
  CommentNotificationKind,
  Notification,
  NotificationKind,
  RoundNotification,
  RoundNotificationKind,
} from './notification';
export {
  commentNotificationKinds,
  isCommentNotification,
  isRoundParticipant,
  NOTIFICATION_EXCERPT_MAX_CHARS,
  notificationExcerpt,
  notificationKinds,
  notificationSubjectId,
  ROUND_CLOSING_SOON_MS,
  roundNotificationKinds,
  roundRemindersDue,
} from './notification';
export type { BallotCheck, PollTally } from './forumBallots';
export {
  ballotWeights,
  checkBallot,
  pollInputProblem,
  pollOptionsFor,
  tallyBallots,
} from './forumBallots';
export type {
  BreakoutAssignment,
  BreakoutAssignmentInput,
  BreakoutCandidate,
} from './forumBreakouts';
export { assignBreakoutGroups, seededRandom } from './forumBreakouts';
export type { ForumContribution, ForumContributionHiding } from './forumContributions';
export type { ForumCommand } from './forumPermissions';
export { forumCommands, mayReadPollResults, mayRunForumCommand } from './forumPermissions';
export { newTimer, pauseTimer, resumeTimer } from './forumTimers';
export type { ForumTransition, ForumTransitionRefusal } from './forumTransitions';
export {
  addPoll,
  closePoll,
  endBreakout,
  endSession,
  findPoll,
  giveFloor,
  goToAgendaItem,
  initialLiveState,
  lowerHand,
  openPoll,
  pauseSession,
  raiseHand,
  resumeSession,
  setSpotlight,
  startBreakout,
  startSession,
} from './forumTransitions';
