import { ANCHOR_QUOTE_MAX_CHARS, type TextAnchor } from './textAnchor';

/**
 * How many characters of the quote's ends and of the context are compared when looking for a
 * boundary: a word or two, enough to tell one place from another, short enough that an edit a few
 * words away does not spoil the comparison.
 */
const PROBE_CHARS = 8;
/** How much text may have been typed inside a passage before its other end is not looked for. */
const MAX_GROWTH_CHARS = ANCHOR_QUOTE_MAX_CHARS;

/**
 * Where the passage now ends, knowing where it starts: the place after `from` that is followed
 * by the start of the suffix and/or preceded by the end of the quote, the one agreeing with both
 * first, then the one nearest to where the unchanged quote would end. Undefined when no place agrees.
 */
export function findEndAfter(text: string, anchor: TextAnchor, from: number): number | undefined {
  const quoteTail = anchor.quote.slice(-PROBE_CHARS);
  const suffixHead = anchor.suffix.slice(0, PROBE_CHARS);
  const last = Math.min(text.length, from + anchor.quote.length + MAX_GROWTH_CHARS);
  return bestCandidate(from + 1, last, from + anchor.quote.length, (at) => [
    text.endsWith(quoteTail, at),
    suffixHead !== '' && text.startsWith(suffixHead, at),
  ]);
}

/** Where the passage now starts, knowing where it ends: the mirror of `findEndAfter`. */
export function findStartBefore(text: string, anchor: TextAnchor, to: number): number | undefined {
  const quoteHead = anchor.quote.slice(0, PROBE_CHARS);
  const prefixTail = anchor.prefix.slice(-PROBE_CHARS);
  const first = Math.max(0, to - anchor.quote.length - MAX_GROWTH_CHARS);
  return bestCandidate(first, to - 1, to - anchor.quote.length, (at) => [
    text.startsWith(quoteHead, at),
    prefixTail !== '' && text.endsWith(prefixTail, at),
  ]);
}

/**
 * The one occurrence of the whole quote whose surroundings still agree with the prefix or the
 * suffix, or undefined when there is none or more than one. Requiring context keeps a phrase
 * retyped elsewhere from catching the thread of a deleted passage; requiring one keeps a common
 * phrase ("la réponse motivée") from catching it at a guess.
 */
export function findUniqueQuote(text: string, anchor: TextAnchor): number | undefined {
  const prefixTail = anchor.prefix.slice(-PROBE_CHARS);
  const suffixHead = anchor.suffix.slice(0, PROBE_CHARS);
  let match: number | undefined;
  for (let at = text.indexOf(anchor.quote); at !== -1; at = text.indexOf(anchor.quote, at + 1)) {
    const end = at + anchor.quote.length;
    const contextAgrees =
      (prefixTail === '' ? at === 0 : text.endsWith(prefixTail, at)) ||
      (suffixHead === '' ? end === text.length : text.startsWith(suffixHead, end));
    if (!contextAgrees) continue;
    if (match !== undefined) return undefined;
    match = at;
  }
  return match;
}

function bestCandidate(
  first: number,
  last: number,
  expected: number,
  agreements: (at: number) => readonly boolean[],
): number | undefined {
  let best: { at: number; score: number; distance: number } | undefined;
  for (let at = first; at <= last; at++) {
    const score = agreements(at).filter(Boolean).length;
    if (score === 0) continue;
    const distance = Math.abs(at - expected);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && distance < best.distance)
    ) {
      best = { at, score, distance };
    }
  }
  return best?.at;
}
