export {
  DEFAULT_UPDATE_LIMITS,
  validateUpdateV1,
  type UpdateLimits,
  type UpdateRejection,
  type UpdateStats,
  type ValidationResult,
} from './validation/updateValidator';
export {
  DEFAULT_AWARENESS_LIMITS,
  encodeAwarenessEntries,
  parseAwarenessState,
  validateAwarenessUpdate,
  type AwarenessEntry,
  type AwarenessLimits,
  type AwarenessRejection,
  type AwarenessState,
  type AwarenessStateResult,
  type AwarenessValidationResult,
} from './validation/awarenessValidator';
export { draftSectionTitles, milestoneColumnTitles } from './draft/draftOutline';
export { DRAFT_ROOT_NAME } from './draft/draftYjsTree';
export { readDraft, type DraftContents } from './draft/draftReadModel';
export type { DraftTemplateInput } from './draft/draftTemplate';
