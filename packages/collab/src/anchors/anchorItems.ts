import * as Y from 'yjs';

/**
 * The struct a relative position names, following redone items as
 * `Y.createAbsolutePositionFromRelativePosition` does: when an undo brings deleted text back,
 * Yjs re-creates it as new items linked from the old ones, and the anchor follows them.
 * Undefined when the doc has never seen that id.
 */
export function structAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.AbstractStruct | undefined {
  if (Y.getState(doc.store, id.client) <= id.clock) return undefined;
  let struct: Y.Item | Y.AbstractStruct = Y.getItem(doc.store, id);
  let clock = id.clock;
  while (struct instanceof Y.Item && struct.redone !== null) {
    const offsetInStruct = clock - struct.id.clock;
    clock = struct.redone.clock + offsetInStruct;
    struct = Y.getItem(doc.store, Y.createID(struct.redone.client, clock));
  }
  return struct;
}

/** The top-level type an item lives under, or undefined for a struct whose content was collected. */
export function rootTypeOf(struct: Y.Item | Y.AbstractStruct): Y.AbstractType<unknown> | undefined {
  if (!(struct instanceof Y.Item)) return undefined;
  let type = struct.parent;
  while (type instanceof Y.AbstractType && type._item !== null) type = type._item.parent;
  return type instanceof Y.AbstractType ? type : undefined;
}

/** Deleted itself, or inside an element that was deleted (a removed paragraph). */
export function isGone(item: Y.Item): boolean {
  for (let current: Y.Item | null = item; current !== null;) {
    if (current.deleted) return true;
    const parent: Y.AbstractType<unknown> | Y.ID | null = current.parent;
    current = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return false;
}
