import { $getRoot, $isElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { createDraftTemplateUpdate } from '../draft/draftTemplate';
import { joinDraft, serverDocFrom, type DraftTestClient } from '../draft/draftTestClients';
import { $findText, $selectIn, $typeAt, syncClients } from './anchorTestClients';
import { anchorForQuote, anchorFromYjsRange, type AnchorCreation } from './createAnchor';
import { $yjsRangeFromSelection } from './lexicalSelectionRange';
import { resolveAnchor, type AnchorResolution } from './resolveAnchor';
import type { TextAnchor } from './textAnchor';

const SENTENCE = 'Les citoyens peinent à savoir ce que deviennent leurs contributions.';
const PASSAGE = 'peinent à savoir';

const seed = createDraftTemplateUpdate({
  title: 'Renforcer la participation citoyenne',
  sections: {
    problem: [SENTENCE, 'La réponse motivée n’est pas systématique.'],
    objective: ['Publier une réponse motivée à chaque contribution.'],
  },
});

function threeClients(): [DraftTestClient, DraftTestClient, DraftTestClient] {
  return [joinDraft(seed), joinDraft(seed), joinDraft(seed)];
}

function anchorOf(creation: AnchorCreation): TextAnchor {
  if (!creation.ok) throw new Error(`no anchor: ${creation.reason}`);
  return creation.anchor;
}

/** Alice selects the passage in her editor and comments, as the web client will. */
function anchorSelectedBy(client: DraftTestClient, text: string): TextAnchor {
  client.applyEdit(() => {
    $selectIn(text, 0, text.length);
  });
  const range = client.editor.read(() => $yjsRangeFromSelection(client.binding));
  if (range === undefined) throw new Error('nothing selected');
  return anchorOf(anchorFromYjsRange(client.doc, range));
}

/** Resolves on every client and on a server copy, and checks they all agree. */
function resolveEverywhere(anchor: TextAnchor, clients: readonly DraftTestClient[]) {
  const server = serverDocFrom(seed, ...clients.flatMap((client) => client.sentUpdates));
  const resolutions = [...clients.map((client) => client.doc), server].map((doc) =>
    summary(resolveAnchor(doc, anchor)),
  );
  for (const resolution of resolutions) expect(resolution).toEqual(resolutions[0]);
  return resolutions[0];
}

function summary(resolution: AnchorResolution) {
  return resolution.status === 'attached'
    ? { status: resolution.status, text: resolution.text, foundBy: resolution.foundBy }
    : resolution;
}

describe('anchors on a live-edited draft', () => {
  it('anchors the selection a client holds, with its quote and context', () => {
    const [alice] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    expect(anchor).toMatchObject({
      quote: PASSAGE,
      prefix: 'public à résoudre\n\nLes citoyens ',
      suffix: ' ce que deviennent leurs contrib',
    });
    expect(anchor).toEqual(anchorOf(anchorForQuote(alice.doc, PASSAGE)));
    expect(resolveEverywhere(anchor, [alice])).toEqual({
      status: 'attached',
      text: PASSAGE,
      foundBy: 'positions',
    });
  });

  it('follows concurrent typing before, inside and after the passage, at its very edges too', () => {
    const [alice, bob, carol] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);
    syncClients(alice, bob, carol);

    bob.applyEdit(() => $typeAt(PASSAGE, 0, 'souvent ')); // right before the first character
    carol.applyEdit(() => $typeAt(PASSAGE, 'peinent à'.length, ' tout')); // inside
    alice.applyEdit(() => $typeAt(PASSAGE, PASSAGE.length, ' vraiment')); // right after the last
    bob.applyEdit(() => $typeAt('Les citoyens', 0, 'Aujourd’hui, ')); // further before
    syncClients(alice, bob, carol);

    expect(alice.editor.read(() => $findText('citoyens').node.getTextContent())).toBe(
      'Aujourd’hui, Les citoyens souvent peinent à tout savoir vraiment ce que deviennent leurs contributions.',
    );
    expect(resolveEverywhere(anchor, [alice, bob, carol])).toEqual({
      status: 'attached',
      text: 'peinent à tout savoir',
      foundBy: 'positions',
    });
  });

  it('stays on the passage when a word inside it is made bold', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    bob.applyEdit(() => $selectIn(PASSAGE, 'peinent '.length, 1).formatText('bold'));
    syncClients(alice, bob);

    const boldTexts = alice.editor.read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter((node) => node.hasFormat('bold'))
        .map((node) => node.getTextContent()),
    );
    expect(boldTexts).toEqual(['à']);
    expect(resolveEverywhere(anchor, [alice, bob])).toMatchObject({
      status: 'attached',
      text: PASSAGE,
    });
  });

  it('stays on the passage when text before it, or the whole passage, is made bold', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    bob.applyEdit(() => $selectIn('citoyens', 0, 'citoyens'.length).formatText('bold'));
    syncClients(alice, bob);
    expect(resolveEverywhere(anchor, [alice, bob])).toEqual({
      status: 'attached',
      text: PASSAGE,
      foundBy: 'context',
    });

    alice.applyEdit(() => $selectIn(PASSAGE, 0, PASSAGE.length).formatText('bold'));
    syncClients(alice, bob);
    expect(resolveEverywhere(anchor, [alice, bob])).toMatchObject({
      status: 'attached',
      text: PASSAGE,
    });
  });

  it('stays on the passage when one writer types inside it while another makes part of it bold', () => {
    const [alice, bob, carol] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    bob.applyEdit(() => $typeAt(PASSAGE, 'peinent'.length, ' encore'));
    carol.applyEdit(() => $selectIn(PASSAGE, 0, 'peinent'.length).formatText('bold'));
    syncClients(alice, bob, carol);

    // @lexical/yjs re-created the characters carol made bold, so bob's words, typed between
    // characters that no longer exist, land before the bold run: the binding's doing, not the
    // anchor's. The anchor keeps to the passage as it now reads.
    expect(alice.editor.read(() => $findText('citoyens').node.getTextContent())).toBe(
      'Les citoyens encore ',
    );
    expect(resolveEverywhere(anchor, [alice, bob, carol])).toEqual({
      status: 'attached',
      text: PASSAGE,
      foundBy: 'context',
    });
  });

  it('spans both paragraphs when the paragraph is split inside the passage', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    bob.applyEdit(() => $selectIn(PASSAGE, 'peinent à '.length, 0).insertParagraph());
    syncClients(alice, bob);

    expect(resolveEverywhere(anchor, [alice, bob])).toEqual({
      status: 'attached',
      text: 'peinent à \n\nsavoir',
      foundBy: 'context',
    });
  });

  it('follows the passage when the paragraph is split before or after it', () => {
    const [alice, bob] = threeClients();
    const before = anchorSelectedBy(alice, PASSAGE);
    const after = anchorOf(anchorForQuote(alice.doc, 'leurs contributions'));

    bob.applyEdit(() => $selectIn('ce que deviennent', 0, 0).insertParagraph());
    syncClients(alice, bob);

    expect(resolveEverywhere(before, [alice, bob])).toEqual({
      status: 'attached',
      text: PASSAGE,
      foundBy: 'positions',
    });
    expect(resolveEverywhere(after, [alice, bob])).toEqual({
      status: 'attached',
      text: 'leurs contributions',
      foundBy: 'context',
    });
  });

  it('keeps what is left when the end of the passage is deleted', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    bob.applyEdit(() => $selectIn(PASSAGE, 'peinent à'.length, ' savoir'.length).removeText());
    syncClients(alice, bob);

    expect(resolveEverywhere(anchor, [alice, bob])).toMatchObject({
      status: 'attached',
      text: 'peinent à',
    });
  });

  it('is detached, with the original quote, when the whole passage is deleted', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);
    const wider = anchorOf(anchorForQuote(alice.doc, 'ce que deviennent'));

    bob.applyEdit(() => $selectIn(PASSAGE, -1, PASSAGE.length + 1).removeText());
    syncClients(alice, bob);
    expect(resolveEverywhere(anchor, [alice, bob])).toEqual({ status: 'detached', quote: PASSAGE });

    // The paragraph removed altogether: its XmlText and every item in it are gone.
    alice.applyEdit(() => {
      const paragraph = $findText('ce que deviennent').node.getParentOrThrow();
      paragraph.remove();
    });
    syncClients(alice, bob);
    expect(resolveEverywhere(wider, [alice, bob])).toEqual({
      status: 'detached',
      quote: 'ce que deviennent',
    });
  });

  it('stays detached when the deleted words are retyped elsewhere', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    bob.applyEdit(() => $selectIn(PASSAGE, 0, PASSAGE.length).removeText());
    bob.applyEdit(() => $typeAt('Publier une réponse', 0, `Ils ${PASSAGE} : `));
    syncClients(alice, bob);

    expect(alice.editor.read(() => $getRoot().getTextContent())).toContain(`Ils ${PASSAGE} : `);
    expect(resolveEverywhere(anchor, [alice, bob])).toEqual({ status: 'detached', quote: PASSAGE });
  });

  it('re-attaches when the same words are retyped in the same place, as they read the same', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);

    // Two edits: replacing a selection by the same text in one edit changes nothing in Yjs.
    bob.applyEdit(() => $selectIn(PASSAGE, 0, PASSAGE.length).removeText());
    bob.applyEdit(() => $typeAt('ce que deviennent', -1, PASSAGE));
    syncClients(alice, bob);

    expect(resolveEverywhere(anchor, [alice, bob])).toEqual({
      status: 'attached',
      text: PASSAGE,
      foundBy: 'context',
    });
  });

  it('does not guess between two places that read the same', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorOf(anchorForQuote(alice.doc, 'réponse motivée'));
    expect(anchor.suffix).toMatch(/^ n’est pas/);

    // Deleted, then typed back twice: each copy agrees with one side of the context.
    const sentence = 'La réponse motivée';
    bob.applyEdit(() => $selectIn(sentence, 0, sentence.length).removeText());
    bob.applyEdit(() => $typeAt(' n’est pas', 0, `${sentence} ${sentence}`));
    expect(bob.editor.read(() => $findText('n’est pas').node.getTextContent())).toBe(
      'La réponse motivée La réponse motivée n’est pas systématique.',
    );
    syncClients(alice, bob);

    expect(resolveEverywhere(anchor, [alice, bob])).toEqual({
      status: 'detached',
      quote: 'réponse motivée',
    });
  });

  it('survives compaction: a snapshot restored into a fresh doc resolves the same', () => {
    const [alice, bob] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);
    bob.applyEdit(() => $typeAt(PASSAGE, 'peinent'.length, ' encore'));
    bob.applyEdit(() => $typeAt('Les citoyens', 0, 'Hélas, '));
    syncClients(alice, bob);

    const compacted = new Y.Doc();
    Y.applyUpdate(compacted, Y.encodeStateAsUpdate(alice.doc));
    const restoredFromV2 = new Y.Doc();
    Y.applyUpdateV2(restoredFromV2, Y.encodeStateAsUpdateV2(compacted));

    for (const doc of [compacted, restoredFromV2]) {
      expect(summary(resolveAnchor(doc, anchor))).toEqual({
        status: 'attached',
        text: 'peinent encore à savoir',
        foundBy: 'positions',
      });
    }
  });

  it('re-attaches when a deletion is undone', () => {
    const [alice] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);
    const root = alice.doc.get('root', Y.XmlText);
    const undoManager = new Y.UndoManager(root, { trackedOrigins: new Set([alice.binding]) });

    alice.applyEdit(() => $selectIn(PASSAGE, 0, PASSAGE.length).removeText());
    expect(resolveAnchor(alice.doc, anchor)).toEqual({ status: 'detached', quote: PASSAGE });

    undoManager.undo();
    alice.editor.read(() => undefined);
    expect(alice.editor.read(() => $getRoot().getTextContent())).toContain(SENTENCE);
    expect(summary(resolveAnchor(alice.doc, anchor))).toEqual({
      status: 'attached',
      text: PASSAGE,
      foundBy: 'positions',
    });
  });

  it('gives the range as Yjs points a client can map back to Lexical', () => {
    const [alice] = threeClients();
    const anchor = anchorSelectedBy(alice, PASSAGE);
    const resolution = resolveAnchor(alice.doc, anchor);
    if (resolution.status !== 'attached') throw new Error('detached');

    const reanchored = anchorFromYjsRange(alice.doc, {
      startType: resolution.range.start.type,
      startIndex: resolution.range.start.index,
      endType: resolution.range.end.type,
      endIndex: resolution.range.end.index,
    });
    expect(reanchored).toEqual({ ok: true, anchor });
    expect(alice.editor.read(() => $isElementNode($findText(PASSAGE).node.getParent()))).toBe(true);
  });
});
