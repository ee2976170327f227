import { describe, expect, it } from 'vitest';

import { safeReturnPath } from './safeReturnPath';

describe('safeReturnPath', () => {
  it('keeps paths of this application', () => {
    expect(safeReturnPath('/consultations/c1?x=1')).toBe('/consultations/c1?x=1');
  });

  it('refuses other sites and falls back', () => {
    for (const value of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeReturnPath(value)).toBe('/consultations');
    }
  });
});
