export type { DocumentAccess, ReadOnlyReason } from './documentAccess';
export { mayEditText } from './documentAccess';
