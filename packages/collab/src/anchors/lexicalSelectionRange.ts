import type { Binding } from '@lexical/yjs';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type PointType,
} from 'lexical';
import * as Y from 'yjs';

import type { YjsRange } from './createAnchor';

/**
 * The current Lexical selection as a Yjs range, to pass to `anchorFromYjsRange`; undefined for a
 * caret or a non-text selection. Call it inside `editor.read` or `editor.update`.
 *
 * It counts exactly as `@lexical/yjs` 0.52 does for remote cursors (`createRelativePosition` in
 * `SyncCursors.ts`, binding v1), which it does not export: a text point is its text node's offset
 * in the parent's `Y.XmlText`, plus one for the node's property map, plus the offset in the text;
 * an element point counts each text child as its map plus its characters, any other child as one.
 */
export function $yjsRangeFromSelection(binding: Binding): YjsRange | undefined {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return undefined;
  const anchor = yjsPointOf(binding, selection.anchor);
  const focus = yjsPointOf(binding, selection.focus);
  if (anchor === undefined || focus === undefined) return undefined;
  return {
    startType: anchor.type,
    startIndex: anchor.index,
    endType: focus.type,
    endIndex: focus.index,
  };
}

function yjsPointOf(
  binding: Binding,
  point: PointType,
): { type: Y.XmlText; index: number } | undefined {
  const collabNode = binding.collabNodeMap.get(point.key);
  if (collabNode === undefined) return undefined;
  const node = point.getNode();
  if (point.type === 'text') {
    if (!$isTextNode(node)) return undefined;
    const parentType = xmlTextOf(binding, node.getParent()?.getKey());
    const nodeOffset = collabNode.getOffset();
    if (parentType === undefined || nodeOffset === -1) return undefined; // not synced to Yjs yet
    return { type: parentType, index: nodeOffset + 1 + point.offset };
  }
  if (!$isElementNode(node)) return undefined;
  const sharedType = xmlTextOf(binding, point.key);
  if (sharedType === undefined) return undefined;
  let index = 0;
  let child = node.getFirstChild();
  for (let counted = 0; child !== null && counted < point.offset; counted++) {
    index += $isTextNode(child) ? child.getTextContentSize() + 1 : 1;
    child = child.getNextSibling();
  }
  return { type: sharedType, index };
}

/** The `Y.XmlText` of an element node; a decorator's `Y.XmlElement` holds no text. */
function xmlTextOf(binding: Binding, key: string | undefined): Y.XmlText | undefined {
  const sharedType =
    key === undefined ? undefined : binding.collabNodeMap.get(key)?.getSharedType();
  return sharedType instanceof Y.XmlText ? sharedType : undefined;
}
