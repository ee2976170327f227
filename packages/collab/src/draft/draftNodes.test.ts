import { $isElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { TableCellHeaderStates } from '@lexical/table';
import { draftNodes } from './draftNodes';
import { draftInlineElementTypes, TABLE_CELL_ROW_HEADER } from './draftOutline';
import { createDraftTemplateUpdate } from './draftTemplate';
import { bindHeadlessDraftEditor, createDraftEditor } from './headlessDraftEditor';

describe('draftNodes', () => {
  it('lists as inline exactly the draft elements Lexical treats as inline', () => {
    const editor = createDraftEditor();
    let inlineTypes: string[] = [];
    // Constructing a node needs an active update, even one that changes nothing.
    editor.update(
      () => {
        inlineTypes = draftNodes
          .map((Node) => new Node())
          .filter((node) => $isElementNode(node) && node.isInline())
          .map((node) => node.getType());
      },
      { discrete: true },
    );

    expect(new Set(inlineTypes)).toEqual(draftInlineElementTypes);
  });
});

describe('bindHeadlessDraftEditor', () => {
  it('refuses a document that already has content, which the binding would never load', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, createDraftTemplateUpdate({ title: 'Titre' }));

    expect(() => bindHeadlessDraftEditor(doc)).toThrow(/already has content/);
  });
});

describe('constants the read model keeps without loading Lexical', () => {
  it('match Lexical', () => {
    expect(TABLE_CELL_ROW_HEADER).toBe(TableCellHeaderStates.ROW);
  });
});
