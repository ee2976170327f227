import * as Y from 'yjs';

import { DRAFT_ROOT_NAME } from '../draft/draftYjsTree';
import { rootTypeOf, structAt } from './anchorItems';
import { decodeAnchorPosition, type TextAnchor } from './textAnchor';

export type AnchorOwnership =
  | { readonly belongs: true }
  | {
      readonly belongs: false;
      /**
       * `undecodable_position`: not an encoded relative position.
       * `unknown_item`: names an item this document never had (another document's, or one the
       * server has not received yet).
       * `outside_draft`: names an item of this document that is not part of the draft's text.
       */
      readonly reason: 'undecodable_position' | 'unknown_item' | 'outside_draft';
    };

/**
 * Whether both ends of an anchor name items of this draft, so the server can refuse an anchor
 * made on another document before storing a thread. Items are named by (client id, clock); an
 * anchor from another draft names clocks this one never reached, or clients it never saw.
 *
 * An item deleted since stays a part of the document (its id is in the history), so an anchor on
 * a passage deleted meanwhile still belongs: its thread will show as detached.
 *
 * Limit: two drafts seeded from byte-identical template updates share their template's item ids
 * (the template's client id is derived from its input), so an anchor on untouched template text of
 * one passes the check on the other. The thread's commitment id, checked by the route, is what
 * binds a thread to its draft; this check keeps forged and stale anchors out.
 */
export function checkAnchorBelongsToDoc(doc: Y.Doc, anchor: TextAnchor): AnchorOwnership {
  for (const encoded of [anchor.start, anchor.end]) {
    const position = decodeAnchorPosition(encoded);
    if (position === undefined) return { belongs: false, reason: 'undecodable_position' };
    const verdict = ownershipOf(doc, position);
    if (!verdict.belongs) return verdict;
  }
  return { belongs: true };
}

function ownershipOf(doc: Y.Doc, position: Y.RelativePosition): AnchorOwnership {
  if (position.item !== null) return ownershipOfId(doc, position.item, false);
  if (position.type !== null) return ownershipOfId(doc, position.type, true);
  return position.tname === DRAFT_ROOT_NAME
    ? { belongs: true }
    : { belongs: false, reason: 'outside_draft' };
}

function ownershipOfId(doc: Y.Doc, id: Y.ID, namesAType: boolean): AnchorOwnership {
  const struct = structAt(doc, id);
  if (struct === undefined) return { belongs: false, reason: 'unknown_item' };
  // A collected struct (content of a deleted element) is this doc's, but nothing says where it was.
  if (!(struct instanceof Y.Item)) return { belongs: true };
  if (namesAType && !(struct.content instanceof Y.ContentType)) {
    return { belongs: false, reason: 'outside_draft' };
  }
  const draftRoot = doc.share.get(DRAFT_ROOT_NAME);
  const itemRoot = rootTypeOf(struct);
  return itemRoot !== undefined && itemRoot === draftRoot
    ? { belongs: true }
    : { belongs: false, reason: 'outside_draft' };
}
