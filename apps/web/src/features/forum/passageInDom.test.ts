// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

import { findPassageRange } from './passageInDom';

function draft(html: string): Element {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

describe('findPassageRange', () => {
  it('finds a passage inside one text node', () => {
    const root = draft('<p>Les données publiques sont ouvertes par défaut.</p>');
    const range = findPassageRange(root, 'ouvertes par défaut');
    expect(range?.toString()).toBe('ouvertes par défaut');
  });

  it('finds a passage across formatting (several text nodes)', () => {
    const root = draft('<p>Publier <strong>les algorithmes</strong> publics</p>');
    const range = findPassageRange(root, 'les algorithmes publics');
    expect(range?.toString()).toBe('les algorithmes publics');
  });

  it('says when the passage is gone (edited away)', () => {
    const root = draft('<p>Autre texte</p>');
    expect(findPassageRange(root, 'absent')).toBeNull();
    expect(findPassageRange(root, '   ')).toBeNull();
  });
});
