import { describe, expect, it } from 'vitest';

import { presenceChange, presentPeople, withTrustedCursorLabels } from './presenceStates';

const OWN = 1;
const states = new Map<number, Record<string, unknown>>([
  [OWN, { name: 'Me', user: { id: 'u-me', name: 'Me' } }],
  [
    2,
    {
      name: 'The Minister',
      focusing: true,
      user: { id: 'u-karim', name: 'Karim Benali', organisation: 'DITP', color: '#000091' },
    },
  ],
  [
    3,
    {
      name: 'x',
      focusing: false,
      user: { id: 'u-elise', name: 'Élise Moreau', organisation: null, color: null },
    },
  ],
  [
    4,
    {
      name: 'Karim tab 2',
      focusing: false,
      user: { id: 'u-karim', name: 'Karim Benali', organisation: 'DITP', color: '#000091' },
    },
  ],
  [5, { name: 'no user yet' }],
  [6, { user: { id: null, name: 'Anonyme', organisation: null, color: null } }],
]);

describe('presentPeople', () => {
  it('lists each person once, without me, trusting only the server user', () => {
    const people = presentPeople(states, OWN, 'Anonymous');
    expect(people.map((person) => person.name)).toEqual([
      'Anonyme',
      'Élise Moreau',
      'Karim Benali',
    ]);
    const karim = people.find((person) => person.key === 'u-karim');
    expect(karim).toMatchObject({ organisation: 'DITP', color: '#000091', focusing: true });
    expect(people.find((person) => person.key === 'client:6')).toBeDefined();
  });
});

describe('withTrustedCursorLabels', () => {
  it('labels cursors with the name the server vouches for', () => {
    const trusted = withTrustedCursorLabels(states, OWN);
    expect(trusted.get(2)).toMatchObject({ name: 'Karim Benali', color: '#000091' });
    expect(trusted.get(5)).toEqual({ name: 'no user yet' });
    expect(trusted.get(OWN)).toBe(states.get(OWN));
  });
});

describe('presenceChange', () => {
  it('tells who joined and who left', () => {
    const alice = { key: 'a', name: 'Alice', organisation: null, color: null, focusing: false };
    const bob = { key: 'b', name: 'Bob', organisation: null, color: null, focusing: false };
    expect(presenceChange([alice], [bob])).toEqual({ joined: [bob], left: [alice] });
    expect(presenceChange([alice], [alice])).toEqual({ joined: [], left: [] });
  });
});
