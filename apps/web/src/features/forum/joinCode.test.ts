import { describe, expect, it } from 'vitest';

import { isWellFormedJoinCode, joinUrl, normaliseJoinCode } from './joinCode';

describe('join codes', () => {
  it('builds the URL the QR code encodes', () => {
    expect(joinUrl('https://atelier.example', 'K7P3QZ')).toBe(
      'https://atelier.example/rejoindre?code=K7P3QZ',
    );
  });

  it('takes codes as people type them', () => {
    expect(normaliseJoinCode(' k7p-3qz ')).toBe('K7P3QZ');
  });

  it('knows the code alphabet has no look-alike characters', () => {
    expect(isWellFormedJoinCode('K7P3QZ')).toBe(true);
    expect(isWellFormedJoinCode('K7P3Q')).toBe(false);
    expect(isWellFormedJoinCode('K0P3QZ')).toBe(false); // zero
    expect(isWellFormedJoinCode('KIP3QZ')).toBe(false); // I
  });
});
