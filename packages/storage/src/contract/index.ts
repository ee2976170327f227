export type { DocumentStoreUnderTest } from './documentStoreContract';
export { describeDocumentStoreContract } from './documentStoreContract';
export {
  aCommentNotification,
  aRoundNotification,
  notificationOperatorInjectionCalls,
} from './notificationStoreContract';
export { OPERATOR_INJECTION, operatorInjectionCalls } from './operatorInjection';
export {
  aComment,
  aCommentReaction,
  aCommentRound,
  aCommentThread,
  aCommitment,
  aConsultation,
  aFlag,
  aMembership,
  aModerationLogEntry,
  aMute,
  aSession,
  aThreadResponse,
  aUser,
  anAuditEntry,
  anInvitation,
  anOrganisation,
  daysFromNow,
  minutesAfterBase,
} from './workspaceFactories';
export type { WorkspaceStoreUnderTest } from './workspaceStoreContract';
export { describeWorkspaceStoreContract } from './workspaceStoreContract';
