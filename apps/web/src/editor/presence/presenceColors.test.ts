import { describe, expect, it } from 'vitest';

import {
  assignPresenceColors,
  contrastRatio,
  initialsOf,
  presenceColorFor,
  presenceColors,
} from './presenceColors';

describe('presence colours', () => {
  it('are all readable with white text at WCAG AA', () => {
    for (const color of presenceColors) {
      expect(contrastRatio(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('give a person the same colour every time', () => {
    expect(presenceColorFor('user-42')).toBe(presenceColorFor('user-42'));
    expect(presenceColors).toContain(presenceColorFor('user-42'));
  });

  it('spread people over the palette', () => {
    const used = new Set(Array.from({ length: 100 }, (_, i) => presenceColorFor(`user-${i}`)));
    expect(used.size).toBe(presenceColors.length);
  });

  it('give distinct colours to the people present while the palette lasts', () => {
    const keys = Array.from({ length: presenceColors.length }, (_, i) => `person-${i}`);
    const assigned = assignPresenceColors(keys);
    expect(new Set(assigned.values()).size).toBe(presenceColors.length);
    // The first person keeps their own colour.
    expect(assigned.get('person-0')).toBe(presenceColorFor('person-0'));
  });

  it('still give everyone a colour when there are more people than colours', () => {
    const keys = Array.from({ length: presenceColors.length + 3 }, (_, i) => `p-${i}`);
    const assigned = assignPresenceColors(keys);
    expect(assigned.size).toBe(keys.length);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('initialsOf', () => {
  it('takes the first and last names, accents kept', () => {
    expect(initialsOf('Élise Moreau')).toBe('ÉM');
    expect(initialsOf('Camille de la Laurent')).toBe('CL');
    expect(initialsOf('karim')).toBe('K');
    expect(initialsOf('  ')).toBe('');
  });
});
