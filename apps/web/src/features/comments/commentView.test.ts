import { describe, expect, it } from 'vitest';

import { anchorRefusalKey, commentErrorCodes, formatDate, totalOf } from './commentView';

describe('comment view helpers', () => {
  it('adds reactions across organisation kinds', () => {
    expect(totalOf({ administration: 2, civil_society: 1, other: 0, citizen: 3 })).toBe(6);
  });

  it('explains a selection that cannot be commented', () => {
    expect(anchorRefusalKey({ ok: false, reason: 'passage_too_long' })).toBe(
      'comments.selection.tooLong',
    );
    expect(anchorRefusalKey({ ok: false, reason: 'empty_selection' })).toBe(
      'comments.selection.empty',
    );
  });

  it('knows the refusal of a closed round', () => {
    expect(commentErrorCodes.has('round_not_open')).toBe(true);
  });

  it('writes dates in the reader’s language', () => {
    expect(formatDate('2025-06-03T10:00:00.000Z', 'fr')).toBe('3 juin 2025');
  });
});
