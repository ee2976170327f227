import { describe, expect, it } from 'vitest';

import en from '../../i18n/locales/en/core.json';
import fr from '../../i18n/locales/fr/core.json';

/** The words a reader sees on a button, as axe compares them: letters and digits, lower case. */
function words(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('toolbar buttons that show text (WCAG 2.5.3, label in name)', () => {
  for (const [language, resources] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    it(`name what they show, in ${language}`, () => {
      const toolbar = resources.editor.toolbar;
      const shown = words(toolbar.glyph.addRow);
      expect(shown).not.toBe('');
      expect(words(toolbar.addMilestoneRow)).toContain(shown);
    });
  }
});
