export type { CloseCodeDescription } from './collabCloseCodes';
export { CollabCloseCode, collabCloseDescriptions } from './collabCloseCodes';
export type { AccessStatePayload } from './collabMessages';
export {
  AuthMessageType,
  COLLAB_PATH_PREFIX,
  CollabMessageType,
  DOC_NAME_PATTERN,
  SyncMessageType,
} from './collabMessages';
