// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

import { focusableBeside } from './focusableBeside';

describe('focusableBeside', () => {
  it('finds the controls just before and after the editor, skipping its inside', () => {
    document.body.innerHTML = `
      <button id="bold">B</button>
      <button id="off" disabled>x</button>
      <div id="editor" contenteditable="true"><a href="#" id="inside">link</a></div>
      <p>help</p>
      <a href="/next" id="next">next</a>`;
    const editor = document.getElementById('editor')!;
    expect(focusableBeside(editor, 'after')?.id).toBe('next');
    expect(focusableBeside(editor, 'before')?.id).toBe('bold');
  });

  it('returns null at the edges of the page', () => {
    document.body.innerHTML = `<div id="editor" contenteditable="true"></div>`;
    expect(focusableBeside(document.getElementById('editor')!, 'after')).toBeNull();
  });
});
