import { describe, expect, it } from 'vitest';

import { ApiError } from '../../lib/apiError';
import {
  anchorRefusalKey,
  commentErrorCodes,
  commentErrorKey,
  countsByKind,
  formatDate,
  threadDispositionChoices,
  totalOf,
} from './commentView';

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

  it('splits reactions by organisation kind, leaving out kinds without any', () => {
    expect(countsByKind({ administration: 2, civil_society: 0, other: 0, citizen: 1 })).toEqual([
      { kind: 'administration', count: 2 },
      { kind: 'citizen', count: 1 },
    ]);
    expect(countsByKind({ administration: 0, civil_society: 0, other: 0, citizen: 0 })).toEqual([]);
  });

  it('explains each refusal from its code: comment ones, shared ones, and the rest', () => {
    expect(commentErrorKey(new ApiError(403, 'not_author', 'x'))).toBe(
      'comments.errors.not_author',
    );
    expect(commentErrorKey(new ApiError(409, 'already_flagged', 'x'))).toBe(
      'comments.errors.already_flagged',
    );
    expect(commentErrorKey(new ApiError(409, 'round_not_open', 'x'))).toBe('errors.round_not_open');
    expect(commentErrorKey(new ApiError(500, 'internal', 'x'))).toBe('errors.unknown');
    expect(commentErrorKey(new Error('boom'))).toBe('errors.unknown');
  });

  it('offers the five dispositions of a reasoned response', () => {
    expect(threadDispositionChoices).toEqual([
      'accepted',
      'partially_accepted',
      'rejected',
      'out_of_scope',
      'already_covered',
    ]);
  });
});
