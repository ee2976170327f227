import { anchorForQuote, type TextAnchor } from '@atelier/collab';
import {
  bindHeadlessDraftEditor,
  createDraftTemplateUpdate,
  type HeadlessDraftEditor,
} from '@atelier/collab/draft-editor';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import {
  $draftTextLayout,
  layoutOfTree,
  segmentsBetween,
  type DraftTextLayout,
  type LayoutTree,
} from './draftTextLayout';
import { resolveThreadPassages, type AnchoredThread } from './threadPassages';

const PROBLEM = 'Les données publiques sont dispersées entre les ministères.';
const OBJECTIVE = 'Publier un catalogue unique des données.';

/** A client of a fresh draft: its editor bound first, then the server's template synced in. */
function openDraft(): { doc: Y.Doc; draft: HeadlessDraftEditor } {
  const doc = new Y.Doc();
  const draft = bindHeadlessDraftEditor(doc);
  Y.applyUpdate(
    doc,
    createDraftTemplateUpdate({
      title: 'Ouvrir les données',
      sections: { problem: [PROBLEM], objective: [OBJECTIVE] },
    }),
  );
  draft.editor.read(() => undefined); // commit the synced state, as the browser's next tick would
  return { doc, draft };
}

let opened: { doc: Y.Doc; draft: HeadlessDraftEditor }[] = [];
afterEach(() => {
  for (const { doc, draft } of opened) {
    draft.dispose();
    doc.destroy();
  }
  opened = [];
});

function draftWithThreads() {
  const client = openDraft();
  opened.push(client);
  const anchorOf = (quote: string): TextAnchor => {
    const created = anchorForQuote(client.doc, quote);
    if (!created.ok) throw new Error(`no anchor for "${quote}": ${created.reason}`);
    return created.anchor;
  };
  return { ...client, anchorOf };
}

/** The layout once the editor has rendered what reached its document (`read` commits first). */
function layoutOf(draft: HeadlessDraftEditor): DraftTextLayout {
  return draft.editor.read(() => $draftTextLayout());
}

/** The text a passage's segments cover, read from the editor's own text nodes. */
function segmentText(
  draft: HeadlessDraftEditor,
  segments: { key: string; from: number; to: number }[],
) {
  return draft.editor
    .getEditorState()
    .read(() =>
      segments
        .map((segment) =>
          $getNodeByKey(segment.key)!.getTextContent().slice(segment.from, segment.to),
        )
        .join('|'),
    );
}

/** The text node holding `text`, for edits. */
function $textNodeWith(text: string): LexicalNode {
  const found = $getRoot()
    .getAllTextNodes()
    .find((node) => node.getTextContent().includes(text));
  if (!found) throw new Error(`no text node with "${text}"`);
  return found;
}

describe('the draft text layout', () => {
  it('reads exactly as the anchors count the text: blocks joined by a blank line', () => {
    const { draft } = draftWithThreads();
    const layout = layoutOf(draft);
    expect(layout.text).toBe(draft.editor.getEditorState().read(() => $getRoot().getTextContent()));
    expect(layout.text).toContain(`${PROBLEM}\n\n`);
  });

  it('cuts a range into per-node segments, skipping what no text node holds', () => {
    type Node = {
      kind: 'text' | 'linebreak' | 'element' | 'other';
      key?: string;
      text?: string;
      inline?: boolean;
      children?: Node[];
    };
    const tree: LayoutTree<Node> = {
      kindOf: (node) => node.kind,
      childrenOf: (node) => node.children ?? [],
      isInline: (node) => node.inline === true,
      textOf: (node) => node.text ?? '',
      keyOf: (node) => node.key ?? '',
    };
    const root: Node = {
      kind: 'element',
      children: [
        {
          kind: 'element',
          children: [
            { kind: 'text', key: 'a', text: 'Bonjour ' },
            { kind: 'element', inline: true, children: [{ kind: 'text', key: 'b', text: 'lien' }] },
            { kind: 'linebreak' },
            { kind: 'other' },
          ],
        },
        { kind: 'element', children: [{ kind: 'text', key: 'c', text: 'fin' }] },
      ],
    };
    const layout = layoutOfTree(root, tree);
    // No blank line after an inline link; one after the first block, none after the last.
    expect(layout.text).toBe('Bonjour lien\n\n\nfin');
    expect(segmentsBetween(layout, 3, 10)).toEqual([
      { key: 'a', from: 3, to: 8 },
      { key: 'b', from: 0, to: 2 },
    ]);
    expect(segmentsBetween(layout, 6, 17)).toEqual([
      { key: 'a', from: 6, to: 8 },
      { key: 'b', from: 0, to: 4 },
      { key: 'c', from: 0, to: 2 },
    ]);
    // Only the blank line: nothing to paint.
    expect(segmentsBetween(layout, 13, 15)).toEqual([]);
  });
});

describe('resolving thread passages in the editor', () => {
  it('finds each attached passage in the editor’s text nodes', () => {
    const { draft, doc, anchorOf } = draftWithThreads();
    const threads: AnchoredThread[] = [
      { id: 't1', anchor: anchorOf('dispersées'), status: 'open' },
      { id: 't2', anchor: anchorOf('catalogue unique'), status: 'resolved' },
      { id: 't3', anchor: null, status: 'open' },
    ];
    const { passages, stale } = resolveThreadPassages(doc, layoutOf(draft), threads);
    expect(stale).toBe(false);
    expect(passages.map((passage) => [passage.threadId, passage.status])).toEqual([
      ['t1', 'open'],
      ['t2', 'resolved'],
    ]);
    expect(segmentText(draft, [...passages[0]!.segments])).toBe('dispersées');
    expect(segmentText(draft, [...passages[1]!.segments])).toBe('catalogue unique');
  });

  it('follows the passage when someone types before it, and grows with typing inside it', () => {
    const { draft, doc, anchorOf } = draftWithThreads();
    const threads: AnchoredThread[] = [
      { id: 't1', anchor: anchorOf('dispersées'), status: 'open' },
    ];
    const before = resolveThreadPassages(doc, layoutOf(draft), threads).passages[0]!;

    draft.applyEdit(() => {
      const node = $textNodeWith('dispersées');
      if ($isTextNode(node)) node.setTextContent(`Hélas, ${node.getTextContent()}`);
    });
    const moved = resolveThreadPassages(doc, layoutOf(draft), threads).passages[0]!;
    expect(moved.from).toBe(before.from + 'Hélas, '.length);
    expect(segmentText(draft, [...moved.segments])).toBe('dispersées');

    draft.applyEdit(() => {
      const node = $textNodeWith('dispersées');
      if ($isTextNode(node))
        node.setTextContent(node.getTextContent().replace('dispersées', 'dispe-rsées'));
    });
    const grown = resolveThreadPassages(doc, layoutOf(draft), threads).passages[0]!;
    expect(segmentText(draft, [...grown.segments])).toBe('dispe-rsées');
  });

  it('spans several text nodes when part of the passage is formatted', () => {
    const { draft, doc, anchorOf } = draftWithThreads();
    const threads: AnchoredThread[] = [
      { id: 't1', anchor: anchorOf('dispersées entre'), status: 'open' },
    ];
    draft.applyEdit(() => {
      const node = $textNodeWith('dispersées');
      if (!$isTextNode(node)) return;
      const start = node.getTextContent().indexOf('entre');
      const [, bold] = node.splitText(start, start + 'entre'.length);
      bold?.toggleFormat('bold');
    });
    const [passage] = resolveThreadPassages(doc, layoutOf(draft), threads).passages;
    expect(passage).toBeDefined();
    expect(passage!.segments.length).toBeGreaterThan(1);
    expect(segmentText(draft, [...passage!.segments]).replaceAll('|', '')).toBe('dispersées entre');
  });

  it('has no passage for a detached thread (its words deleted)', () => {
    const { draft, doc, anchorOf } = draftWithThreads();
    const threads: AnchoredThread[] = [
      { id: 't1', anchor: anchorOf('dispersées'), status: 'open' },
    ];
    draft.applyEdit(() => {
      const paragraph = $textNodeWith('dispersées').getParent();
      if ($isElementNode(paragraph)) {
        paragraph.clear();
        paragraph.append($createTextNode('Tout autre chose.'));
      }
    });
    const { passages, stale } = resolveThreadPassages(doc, layoutOf(draft), threads);
    expect(passages).toEqual([]);
    expect(stale).toBe(false);
  });

  it('leaves a passage out, and says so, while the editor has not caught up with the document', () => {
    const { draft, doc, anchorOf } = draftWithThreads();
    const threads: AnchoredThread[] = [
      { id: 't1', anchor: anchorOf('dispersées'), status: 'open' },
    ];
    const shown = layoutOf(draft);
    // Someone else types before the passage; this editor has not rendered it yet.
    const remote = openDraft();
    opened.push(remote);
    Y.applyUpdate(remote.doc, Y.encodeStateAsUpdate(doc));
    remote.draft.editor.read(() => undefined);
    remote.draft.applyEdit(() => {
      const node = $textNodeWith('dispersées');
      if ($isTextNode(node)) node.setTextContent(`Hélas, ${node.getTextContent()}`);
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote.doc, Y.encodeStateVector(doc)));

    const behind = resolveThreadPassages(doc, shown, threads);
    expect(behind).toEqual({ passages: [], stale: true });
    // Once the editor has rendered the change, the passage is found where it now is.
    const caughtUp = resolveThreadPassages(doc, layoutOf(draft), threads);
    expect(caughtUp.stale).toBe(false);
    expect(segmentText(draft, [...caughtUp.passages[0]!.segments])).toBe('dispersées');
  });
});
