import { describe, expect, it } from 'vitest';
import { assertInstant, assertKey, assertText } from './argumentGuards';
import { checkFields, nullable, oneOf, optional, plainRecord, unchecked } from './recordChecks';

interface Note {
  readonly id: string;
  readonly body: string;
  readonly kind: 'a' | 'b';
  readonly editedAt: string | null;
  readonly tag?: string;
  readonly extra: unknown;
}

const checkNote = plainRecord<Note>({
  id: assertKey,
  body: assertText,
  kind: oneOf(['a', 'b']),
  editedAt: nullable(assertInstant),
  tag: optional(assertText),
  extra: unchecked,
});

const valid: Note = { id: 'n1', body: 'texte', kind: 'a', editedAt: null, extra: { $ne: 1 } };

function failure(check: () => void): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('expected a TypeError');
}

describe('record checks', () => {
  it('accepts a record whose every field passes', () => {
    expect(() => checkNote(valid, 'note')).not.toThrow();
    expect(() =>
      checkNote({ ...valid, editedAt: '2021-01-01T00:00:00.000Z', tag: 't' }, 'note'),
    ).not.toThrow();
  });

  it('names the field as `what.field`, and reports the first bad field in table order', () => {
    expect(failure(() => checkNote({ ...valid, body: 3, kind: 'c' }, 'note'))).toBe(
      'note.body must be a string, got number',
    );
    expect(failure(() => checkNote({ ...valid, kind: 'c' }, 'note'))).toBe(
      'note.kind must be one of a, b, got c',
    );
  });

  it('lets null through only where nullable, and undefined only where optional', () => {
    expect(failure(() => checkNote({ ...valid, body: null }, 'note'))).toMatch(/^note\.body /);
    expect(failure(() => checkNote({ ...valid, editedAt: undefined }, 'note'))).toMatch(
      /^note\.editedAt /,
    );
    expect(failure(() => checkNote({ ...valid, tag: null }, 'note'))).toMatch(/^note\.tag /);
    expect(failure(() => checkNote({ ...valid, editedAt: 'hier' }, 'note'))).toMatch(
      /^note\.editedAt must be a UTC instant/,
    );
  });

  it('rejects what is not a plain object before looking at fields', () => {
    expect(failure(() => checkNote(new Date(0), 'note'))).toBe(
      'note must be a plain object, got object',
    );
    expect(failure(() => checkNote(['n1'], 'note'))).toBe('note must be a plain object, got array');
  });

  it('checkFields alone reads the fields of any object, without the plain-object check', () => {
    const withPrototype = Object.assign(Object.create({ inherited: true }) as object, valid);
    expect(() =>
      checkFields(withPrototype as Note, 'note', {
        id: assertKey,
        body: assertText,
        kind: unchecked,
        editedAt: unchecked,
        tag: unchecked,
        extra: unchecked,
      }),
    ).not.toThrow();
    expect(failure(() => checkNote(withPrototype, 'note'))).toBe(
      'note must be a plain object, got object',
    );
  });
});
