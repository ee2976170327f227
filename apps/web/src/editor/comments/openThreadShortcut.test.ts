import { describe, expect, it } from 'vitest';

import { isOpenThreadShortcut } from './PassageShortcutPlugin';

const keys = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyC' };

describe('the shortcut that opens a passage’s thread', () => {
  it('is Alt+Shift+C by physical key, whatever character it types', () => {
    expect(isOpenThreadShortcut(keys)).toBe(true);
  });

  it('is not C alone, Alt+C, Ctrl+Alt+Shift+C or another key', () => {
    expect(isOpenThreadShortcut({ ...keys, altKey: false, shiftKey: false })).toBe(false);
    expect(isOpenThreadShortcut({ ...keys, shiftKey: false })).toBe(false);
    expect(isOpenThreadShortcut({ ...keys, ctrlKey: true })).toBe(false);
    expect(isOpenThreadShortcut({ ...keys, metaKey: true })).toBe(false);
    expect(isOpenThreadShortcut({ ...keys, code: 'KeyV' })).toBe(false);
  });
});
