import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * A comment's hold on a passage of a draft, as stored and sent on the wire.
 *
 * `start` and `end` are Yjs relative positions (`Y.encodeRelativePosition`, base64): they name
 * the passage's first and last characters by CRDT identity, so edits anywhere else, and inside,
 * never move them. `quote`, `prefix` and `suffix` are the passage and its surroundings as they read
 * when the comment was made, in the draft's plain text (blocks joined by a blank line): the thread
 * shows the quote once the passage is gone, and the resolver uses the three to find the passage
 * again when `@lexical/yjs` re-creates its characters (see `resolveAnchor`). They follow the W3C
 * Web Annotation `TextQuoteSelector`, which Hypothesis and others anchor with.
 */
export interface TextAnchor {
  readonly start: string;
  readonly end: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** A comment is about a passage, not a chapter; longer selections are refused, not truncated. */
export const ANCHOR_QUOTE_MAX_CHARS = 1000;
/** Enough context to tell two occurrences of a phrase apart, small enough to store per thread. */
export const ANCHOR_CONTEXT_MAX_CHARS = 32;
/**
 * An encoded position is a tag byte, a client id (varuint, ≤ 5 bytes), a clock (varuint, ≤ 8
 * bytes) and an association (1 byte): about 20 bytes, 28 base64 characters. 64 leaves room and
 * still refuses anything that is not a position.
 */
export const ANCHOR_POSITION_MAX_BASE64_CHARS = 64;

/**
 * The side a position sticks to. The start sticks to the passage's first character and the end to
 * its last, as `@lexical/yjs` does for a remote user's selection: text typed right before or right
 * after the passage stays outside it, text typed inside it is inside.
 */
export const START_ASSOCIATION = 0;
export const END_ASSOCIATION = -1;

export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/**
 * The position, or undefined when the text is not base64 of an encoded relative position. Only
 * the canonical encoding is accepted (decoding then encoding again gives the same bytes): Yjs's
 * decoder tolerates a missing association and ignores trailing bytes, so without this a stored
 * anchor could carry arbitrary bytes or read differently later.
 */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | undefined {
  if (encoded.length === 0 || encoded.length > ANCHOR_POSITION_MAX_BASE64_CHARS) return undefined;
  try {
    const bytes = fromBase64(encoded);
    const position = Y.decodeRelativePosition(bytes);
    const canonical = Y.encodeRelativePosition(position);
    const isCanonical =
      canonical.length === bytes.length && canonical.every((byte, index) => byte === bytes[index]);
    return isCanonical ? position : undefined;
  } catch {
    // lib0's decoder throws on truncated or foreign bytes; to a caller that is just "not one".
    return undefined;
  }
}
