import { describe, expect, it } from 'vitest';

import {
  displayTitle,
  excerpt,
  formatNameList,
  leadOrganisationNames,
  relativeTimeLabel,
  summariseNames,
} from './commitmentView';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('relativeTimeLabel', () => {
  it('says "just now" under a minute and nothing when never edited', () => {
    expect(relativeTimeLabel('2026-03-10T11:59:30Z', NOW, 'fr', 'à l’instant')).toBe('à l’instant');
    expect(relativeTimeLabel(null, NOW, 'fr', 'à l’instant')).toBeNull();
    expect(relativeTimeLabel('not a date', NOW, 'fr', 'x')).toBeNull();
  });

  it('uses the largest unit, in the reader’s language', () => {
    expect(relativeTimeLabel('2026-03-10T11:55:00Z', NOW, 'fr', '')).toBe('il y a 5 minutes');
    expect(relativeTimeLabel('2026-03-10T09:00:00Z', NOW, 'en', '')).toBe('3 hours ago');
    expect(relativeTimeLabel('2026-03-09T12:00:00Z', NOW, 'fr', '')).toBe('hier');
    expect(relativeTimeLabel('2026-02-10T12:00:00Z', NOW, 'en', '')).toBe('4 weeks ago');
  });
});

describe('summariseNames and formatNameList', () => {
  it('shows a few names and counts the rest, without duplicates', () => {
    expect(summariseNames(['A', 'B', 'A', 'C', 'D', 'E'], 3)).toEqual({
      shown: ['A', 'B', 'C'],
      more: 2,
    });
    expect(summariseNames([], 3)).toEqual({ shown: [], more: 0 });
  });

  it('joins names the way each language does', () => {
    expect(formatNameList(['Karim', 'Élise', 'Sophie'], 'fr')).toBe('Karim, Élise et Sophie');
    expect(formatNameList(['Karim', 'Élise'], 'en')).toBe('Karim and Élise');
  });
});

describe('commitment read model', () => {
  const commitment = {
    title: 'Registered title',
    draft: { title: '  Draft title  ' },
    leadOrganisations: [
      { id: 'o1', name: 'DITP', kind: 'administration' as const, website: null },
      { id: 'o2', name: 'Open Knowledge France', kind: 'civil_society' as const, website: null },
    ],
  };

  it('prefers the title writers gave the draft', () => {
    expect(displayTitle(commitment as never)).toBe('Draft title');
    expect(displayTitle({ ...commitment, draft: { title: ' ' } } as never)).toBe(
      'Registered title',
    );
  });

  it('names the lead organisations', () => {
    expect(leadOrganisationNames(commitment)).toEqual(['DITP', 'Open Knowledge France']);
  });
});

describe('excerpt', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(excerpt('Short text', 50)).toBe('Short text');
    expect(excerpt('Les administrations publient leurs données, ouvertement.', 30)).toBe(
      'Les administrations publient…',
    );
    expect(excerpt('  many\n\nspaces  ', 50)).toBe('many spaces');
  });
});
