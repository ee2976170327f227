import { fromBase64, toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';

import { createDraftTemplateUpdate } from '../draft/draftTemplate';
import { serverDocFrom } from '../draft/draftTestClients';
import { anchorForQuote } from './createAnchor';
import { ANCHOR_QUOTE_MAX_CHARS, type TextAnchor } from './textAnchor';
import { textAnchorSchema } from './textAnchorSchema';

const seed = createDraftTemplateUpdate({
  title: 'Ouvrir les données de la commande publique',
  sections: { problem: ['Les données des marchés publics sont dispersées.'] },
});

function validAnchor(): TextAnchor {
  const creation = anchorForQuote(serverDocFrom(seed), 'marchés publics');
  if (!creation.ok) throw new Error(creation.reason);
  return creation.anchor;
}

function withTrailingByte(encoded: string): string {
  return toBase64(new Uint8Array([...fromBase64(encoded), 7]));
}

describe('textAnchorSchema', () => {
  const valid = validAnchor();

  it('accepts an anchor as created, after a JSON round trip', () => {
    expect(textAnchorSchema.parse(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });

  it.each([
    ['a position that is not base64', { ...valid, start: 'pas du base64 !' }],
    ['base64 that is not a position', { ...valid, end: 'AAAA' }],
    ['a position with bytes appended', { ...valid, end: withTrailingByte(valid.end) }],
    ['a position far too long', { ...valid, start: 'A'.repeat(4000) }],
    ['an empty quote', { ...valid, quote: '' }],
    ['a quote over the limit', { ...valid, quote: 'x'.repeat(ANCHOR_QUOTE_MAX_CHARS + 1) }],
    ['a prefix over 32 characters', { ...valid, prefix: 'p'.repeat(33) }],
    ['a suffix that is not text', { ...valid, suffix: 42 }],
    ['a missing end', { ...valid, end: undefined }],
    ['an unknown field', { ...valid, html: '<script>alert(1)</script>' }],
  ])('refuses %s', (_case, input) => {
    expect(textAnchorSchema.safeParse(input).success).toBe(false);
  });
});
