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
  validateAwarenessUpdate,
  type AwarenessEntry,
  type AwarenessLimits,
  type AwarenessRejection,
  type AwarenessState,
  type AwarenessValidationResult,
} from './validation/awarenessValidator';
