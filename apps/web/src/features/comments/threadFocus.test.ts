import { describe, expect, it } from 'vitest';

import { threadElementId, threadIdFromHash } from './threadFocus';

describe('thread fragments', () => {
  it('reads the thread id of a #thread-<id> fragment, and nothing else', () => {
    expect(threadIdFromHash(`#${threadElementId('abc-123')}`)).toBe('abc-123');
    expect(threadIdFromHash('#thread-')).toBeNull();
    expect(threadIdFromHash('#draft-comments')).toBeNull();
    expect(threadIdFromHash('')).toBeNull();
  });
});
