/**
 * The Lexical side of drafts, a separate entry point (`@atelier/collab/draft-editor`): loading
 * Lexical costs memory and start-up time, so the server only pulls it in when it builds a
 * template, and never to validate updates or read drafts.
 */
export { draftNodes } from './draft/draftNodes';
export { createDraftTemplateUpdate } from './draft/draftTemplate';
export {
  bindHeadlessDraftEditor,
  createDraftEditor,
  type HeadlessDraftEditor,
} from './draft/headlessDraftEditor';
export { $yjsRangeFromSelection } from './anchors/lexicalSelectionRange';
