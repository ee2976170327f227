export { BoundedReader, InputRejected } from './validation/boundedReader';
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
export {
  ANCHOR_CONTEXT_MAX_CHARS,
  ANCHOR_POSITION_MAX_BASE64_CHARS,
  ANCHOR_QUOTE_MAX_CHARS,
  type TextAnchor,
} from './anchors/textAnchor';
export { checkAnchorBelongsToDoc, type AnchorOwnership } from './anchors/anchorBelongsToDoc';
export {
  anchorForQuote,
  anchorFromYjsRange,
  type AnchorCreation,
  type YjsRange,
} from './anchors/createAnchor';
export { resolveAnchor, type AnchoredRange, type AnchorResolution } from './anchors/resolveAnchor';
export type { YjsPoint } from './anchors/draftTextView';
export { textAnchorSchema } from './anchors/textAnchorSchema';
