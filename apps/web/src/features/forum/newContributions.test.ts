import { describe, expect, it } from 'vitest';

import { newContributions } from './newContributions';

describe('newContributions', () => {
  it('announces nothing for the first list, then only what was not seen', () => {
    const first = newContributions(null, [{ id: 'a' }, { id: 'b' }]);
    expect(first.fresh).toEqual([]);
    const next = newContributions(first.ids, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(next.fresh).toEqual([{ id: 'c' }]);
    // A hidden one (same id, changed) is not new.
    expect(newContributions(next.ids, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]).fresh).toEqual([]);
  });
});
