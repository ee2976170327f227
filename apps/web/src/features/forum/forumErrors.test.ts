import { forumErrorCodes } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';

import { ApiError } from '../../lib/apiError';
import { loadAreaTranslations } from '../../i18n/translations';
import { forumErrorKey } from './forumErrors';

// The forum's strings are fetched with its screens, not shipped with the app.
const forumStrings = await loadAreaTranslations('fr', ['forum']);

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      forumStrings,
    );
}

describe('forumErrorKey', () => {
  it('explains every refusal code of the protocol in words', () => {
    for (const code of forumErrorCodes) {
      expect(forumErrorKey(code)).toBe(`forum.errors.${code}`);
      expect(typeof lookup(forumErrorKey(code)), code).toBe('string');
    }
  });

  it('reads the code of a REST error, and says "no network" when there was none', () => {
    expect(forumErrorKey(new ApiError(404, 'invalid_join_code', 'x'))).toBe(
      'forum.errors.invalid_join_code',
    );
    expect(forumErrorKey(new ApiError(0, 'network_error', 'x'))).toBe('forum.errors.network_error');
  });

  it('falls back to a generic sentence for codes it does not know', () => {
    expect(forumErrorKey('something_new')).toBe('forum.errors.unknown');
    expect(forumErrorKey(new Error('boom'))).toBe('forum.errors.unknown');
  });
});
