export type { CloseCodeDescription } from './collabCloseCodes';
export { CollabCloseCode, collabCloseDescriptions } from './collabCloseCodes';
export type { AccessStatePayload, EditsRefusedPayload } from './collabMessages';
export {
  AuthMessageType,
  COLLAB_PATH_PREFIX,
  CollabMessageType,
  DOC_NAME_PATTERN,
  SyncMessageType,
} from './collabMessages';
export type {
  AuditEntryDto,
  CommitmentDto,
  ConsultationDto,
  ErrorBodyDto,
  InvitationCreatedDto,
  LoginRequestDto,
  MeDto,
  MemberDto,
  OrganisationDto,
} from './restDtos';
export {
  auditEntryDtoSchema,
  commitmentDtoSchema,
  consultationDtoSchema,
  errorBodySchema,
  invitationCreatedDtoSchema,
  loginRequestSchema,
  meDtoSchema,
  memberDtoSchema,
  organisationDtoSchema,
} from './restDtos';
export { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf';
export type {
  ClientToServerEvents,
  CommitmentUpdatedPayload,
  CommitmentWatchResult,
  DraftPresencePayload,
  NotificationNewPayload,
  PresentPerson,
  ServerToClientEvents,
  ThreadChangedPayload,
  WatchResult,
} from './socketEvents';
export { commitmentRoom, consultationRoom, SocketEvent } from './socketEvents';
export type {
  AnchorStatusDto,
  CommentAnchorDto,
  CommentAuthorDto,
  CommentDisplayDto,
  CommentDto,
  CommentPersonDto,
  CommentRoundDto,
  CommentThreadDto,
  CommitmentParticipationDto,
  CountsByParticipantKindDto,
  RoundJoinedDto,
  ThreadResponseDto,
} from './commentDtos';
export {
  anchorStatusDtoSchema,
  commentAnchorDtoSchema,
  commentAuthorDtoSchema,
  commentDisplayDtoSchema,
  commentDtoSchema,
  commentPersonDtoSchema,
  commentRoundDtoSchema,
  commentThreadDtoSchema,
  commitmentParticipationDtoSchema,
  roundJoinedDtoSchema,
  threadResponseDtoSchema,
} from './commentDtos';
export type {
  AttendancePayload,
  ContributionPayload,
  ContributionsPayload,
  ForumAck,
  ForumContributionDto,
  ForumClientToServerEvents,
  ForumErrorCode,
  ForumJoinedDto,
  ForumReactionPayload,
  ForumRecordDto,
  ForumServerToClientEvents,
  ForumSessionDto,
  ForumSnapshot,
  ForumStatePayload,
  JoinedAck,
  PollResultsPayload,
  SpotlightCommand,
} from './forumEvents';
export {
  FORUM_NAMESPACE,
  ForumEvent,
  forumErrorCodes,
  RESULTS_COALESCE_MS,
  SNAPSHOT_CONTRIBUTIONS_MAX,
} from './forumEvents';
export type {
  ExcerptWithheldReason,
  NotificationDto,
  NotificationListDto,
  UnreadCountDto,
} from './notificationDtos';
export {
  excerptWithheldReasons,
  NOTIFICATION_LIST_DEFAULT_LIMIT,
  NOTIFICATION_LIST_MAX_LIMIT,
  notificationDtoSchema,
  notificationListDtoSchema,
  unreadCountDtoSchema,
} from './notificationDtos';
