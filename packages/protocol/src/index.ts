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
  DraftPresencePayload,
  PresentPerson,
  ServerToClientEvents,
  WatchResult,
} from './socketEvents';
export { consultationRoom, SocketEvent } from './socketEvents';
