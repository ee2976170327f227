import type { CommentPersonDto } from '@atelier/protocol';

/** The `@…` being typed at the caret: where its `@` is and the letters after it. */
export interface MentionQuery {
  /** Index of the `@` in the text. */
  readonly start: number;
  readonly query: string;
}

/** Names are short; past this the `@` was something else (an email, a handle in a URL). */
const MENTION_QUERY_MAX_CHARS = 40;

/**
 * The mention being typed, when the caret follows an `@` that starts a word (at the start of the
 * text, or after a space, a line break or an opening bracket or quote) with no line break and no
 * other `@` since. Spaces are allowed: names have them ("@Karim Ben").
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start === -1) return null;
  const previous = start === 0 ? '' : before.charAt(start - 1);
  if (previous !== '' && !/[\s([{"'«]/.test(previous)) return null;
  const query = before.slice(start + 1);
  if (query.length > MENTION_QUERY_MAX_CHARS || /[\n@]/.test(query) || query.startsWith(' '))
    return null;
  return { start, query };
}

/** The text with the `@query` at `mention` replaced by `@Name ` and where the caret goes next. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  };
}

/** The people picked while writing whose `@Name` is still in the text: those are mentioned. */
export function mentionsInBody(
  body: string,
  picked: readonly CommentPersonDto[],
): CommentPersonDto[] {
  const seen = new Set<string>();
  return picked.filter((person) => {
    if (seen.has(person.userId) || !body.includes(`@${person.displayName}`)) return false;
    seen.add(person.userId);
    return true;
  });
}

export type BodyPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mention'; readonly person: CommentPersonDto };

/**
 * A comment body cut into plain text and the `@Name` of each person it mentions, for showing
 * mentions as chips. Longer names are tried first, so "@Anne Marie" wins over "@Anne".
 */
export function splitMentions(body: string, mentions: readonly CommentPersonDto[]): BodyPart[] {
  const people = [...mentions].sort((a, b) => b.displayName.length - a.displayName.length);
  const parts: BodyPart[] = [];
  let text = '';
  let index = 0;
  while (index < body.length) {
    const person =
      body.charAt(index) === '@'
        ? people.find((candidate) => body.startsWith(candidate.displayName, index + 1))
        : undefined;
    if (person === undefined) {
      text += body.charAt(index);
      index += 1;
      continue;
    }
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'mention', person });
    index += 1 + person.displayName.length;
  }
  if (text !== '') parts.push({ kind: 'text', text });
  return parts;
}
