import { describe, expect, it } from 'vitest';

import { fromLocalInputValue, moveItem, toLocalInputValue } from './agendaDraft';

describe('agenda editing', () => {
  it('moves an item one place up or down, and nowhere past the ends', () => {
    const items = ['accueil', 'données', 'algorithmes'];
    expect(moveItem(items, 2, 1)).toEqual(['accueil', 'algorithmes', 'données']);
    expect(moveItem(items, 0, 1)).toEqual(['données', 'accueil', 'algorithmes']);
    expect(moveItem(items, 0, -1)).toBe(items);
    expect(moveItem(items, 2, 3)).toBe(items);
  });

  it('round-trips a date between the datetime-local input and ISO time', () => {
    const iso = fromLocalInputValue('2026-03-10T14:30');
    expect(iso).not.toBeNull();
    expect(toLocalInputValue(iso ?? '')).toBe('2026-03-10T14:30');
    expect(fromLocalInputValue('2026-03-10')).toBeNull();
    expect(toLocalInputValue('not a date')).toBe('');
  });
});
