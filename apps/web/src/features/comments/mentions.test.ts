import { describe, expect, it } from 'vitest';

import { insertMention, mentionQueryAt, mentionsInBody, splitMentions } from './mentions';

const karim = { userId: 'u-karim', displayName: 'Karim Benali' };
const anne = { userId: 'u-anne', displayName: 'Anne' };
const anneMarie = { userId: 'u-anne-marie', displayName: 'Anne Marie' };

describe('the mention being typed', () => {
  it('starts at an @ that begins a word and runs to the caret, spaces included', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Merci @Kar', 10)).toEqual({ start: 6, query: 'Kar' });
    expect(mentionQueryAt('Merci @Karim Ben', 16)).toEqual({ start: 6, query: 'Karim Ben' });
    expect(mentionQueryAt('(@Anne', 6)).toEqual({ start: 1, query: 'Anne' });
    expect(mentionQueryAt('ligne\n@A', 8)).toEqual({ start: 6, query: 'A' });
  });

  it('is no mention inside an email, after a line break, a second @ or a leading space', () => {
    expect(mentionQueryAt('ecrire a jean@exemple.fr', 24)).toBeNull();
    expect(mentionQueryAt('@Karim\nsuite', 12)).toBeNull();
    expect(mentionQueryAt('@ Karim', 7)).toBeNull();
    expect(mentionQueryAt('sans arobase', 12)).toBeNull();
    expect(mentionQueryAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });

  it('only looks before the caret', () => {
    expect(mentionQueryAt('@Karim et la suite', 3)).toEqual({ start: 0, query: 'Ka' });
  });
});

describe('inserting a mention', () => {
  it('replaces the typed query by @Name and a space, and puts the caret after it', () => {
    const text = 'Merci @Kar pour ça';
    const inserted = insertMention(text, { start: 6, query: 'Kar' }, 10, 'Karim Benali');
    expect(inserted.text).toBe('Merci @Karim Benali pour ça');
    expect(inserted.caret).toBe('Merci @Karim Benali '.length);
  });

  it('at the end of the text', () => {
    expect(insertMention('@an', { start: 0, query: 'an' }, 3, 'Anne')).toEqual({
      text: '@Anne ',
      caret: 6,
    });
  });
});

describe('mentions kept when sending', () => {
  it('keeps the people whose @Name is still in the text, once each', () => {
    const body = 'Voir avec @Karim Benali et @Anne Marie.';
    expect(mentionsInBody(body, [karim, anne, karim, anneMarie])).toEqual([karim, anne, anneMarie]);
    expect(mentionsInBody('Plus personne.', [karim])).toEqual([]);
  });
});

describe('showing mentions as chips', () => {
  it('cuts the body into text and mentions, the longest name first', () => {
    expect(splitMentions('Merci @Anne Marie et @Karim Benali !', [anne, karim, anneMarie])).toEqual(
      [
        { kind: 'text', text: 'Merci ' },
        { kind: 'mention', person: anneMarie },
        { kind: 'text', text: ' et ' },
        { kind: 'mention', person: karim },
        { kind: 'text', text: ' !' },
      ],
    );
  });

  it('leaves an @ that names nobody mentioned as text', () => {
    expect(splitMentions('@Paul et @Anne', [anne])).toEqual([
      { kind: 'text', text: '@Paul et ' },
      { kind: 'mention', person: anne },
    ]);
    expect(splitMentions('texte', [])).toEqual([{ kind: 'text', text: 'texte' }]);
  });
});
