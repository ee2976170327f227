import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@atelier/domain';

/** What the QR code encodes and the projector writes out: the join page with the code filled. */
export function joinUrl(origin: string, joinCode: string): string {
  return `${origin}/rejoindre?code=${encodeURIComponent(joinCode)}`;
}

/** What people type or read from the screen: upper case, without spaces or dashes. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Checked before asking the server, to say "6 characters" rather than "unknown code". */
export function isWellFormedJoinCode(code: string): boolean {
  return (
    code.length === JOIN_CODE_LENGTH && [...code].every((char) => JOIN_CODE_ALPHABET.includes(char))
  );
}
