import type { CommentThreadDto } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';

import { sameThreadView } from './sameThreadView';

const comments: CommentThreadDto['comments'] = [];
const thread: CommentThreadDto = {
  id: 't1',
  consultationId: 'c',
  commitmentId: 'k',
  roundId: null,
  anchor: { start: 's', end: 'e', quote: 'données', prefix: '', suffix: '' },
  anchorStatus: { status: 'attached', text: 'données', startOffset: 10, endOffset: 17 },
  status: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
  resolvedBy: null,
  resolvedAt: null,
  comments,
  response: null,
};

describe('whether a thread shows the same after a refetch', () => {
  it('ignores where the server counts the passage, not what it reads', () => {
    const moved = {
      ...thread,
      anchorStatus: {
        status: 'attached' as const,
        text: 'données',
        startOffset: 25,
        endOffset: 32,
      },
    };
    expect(sameThreadView({ thread, active: false }, { thread: moved, active: false })).toBe(true);
    const reworded = {
      ...thread,
      anchorStatus: { status: 'attached' as const, text: 'donnés', startOffset: 10, endOffset: 16 },
    };
    expect(sameThreadView({ thread, active: false }, { thread: reworded, active: false })).toBe(
      false,
    );
    const detached = { ...thread, anchorStatus: { status: 'detached' as const, quote: 'données' } };
    expect(sameThreadView({ thread, active: false }, { thread: detached, active: false })).toBe(
      false,
    );
  });

  it('sees a new comment list, a new status, or the thread becoming active', () => {
    expect(
      sameThreadView(
        { thread, active: false },
        { thread: { ...thread, comments: [] }, active: false },
      ),
    ).toBe(false);
    expect(
      sameThreadView(
        { thread, active: false },
        { thread: { ...thread, status: 'resolved' }, active: false },
      ),
    ).toBe(false);
    expect(sameThreadView({ thread, active: false }, { thread, active: true })).toBe(false);
  });
});
