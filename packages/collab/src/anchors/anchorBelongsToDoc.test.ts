import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { createDraftTemplateUpdate } from '../draft/draftTemplate';
import { joinDraft, serverDocFrom } from '../draft/draftTestClients';
import { checkAnchorBelongsToDoc } from './anchorBelongsToDoc';
import { $typeAt } from './anchorTestClients';
import { anchorForQuote, type AnchorCreation } from './createAnchor';
import { encodeAnchorPosition, type TextAnchor } from './textAnchor';

const seed = createDraftTemplateUpdate({
  title: 'Ouvrir les données de la commande publique',
  sections: { problem: ['Les données des marchés publics sont dispersées.'] },
});
const otherSeed = createDraftTemplateUpdate({
  title: 'Former les agents à la co-construction',
  sections: { problem: ['Les données des marchés publics sont dispersées.'] },
});

function anchorOf(creation: AnchorCreation): TextAnchor {
  if (!creation.ok) throw new Error(`no anchor: ${creation.reason}`);
  return creation.anchor;
}

describe('checkAnchorBelongsToDoc', () => {
  it('accepts an anchor on the draft it was made on, and on its compacted copy', () => {
    const doc = serverDocFrom(seed);
    const anchor = anchorOf(anchorForQuote(doc, 'marchés publics'));

    expect(checkAnchorBelongsToDoc(doc, anchor)).toEqual({ belongs: true });
    expect(checkAnchorBelongsToDoc(serverDocFrom(Y.encodeStateAsUpdate(doc)), anchor)).toEqual({
      belongs: true,
    });
  });

  it('refuses an anchor made on another draft, even on the same words', () => {
    const anchor = anchorOf(anchorForQuote(serverDocFrom(otherSeed), 'marchés publics'));

    expect(checkAnchorBelongsToDoc(serverDocFrom(seed), anchor)).toEqual({
      belongs: false,
      reason: 'unknown_item',
    });
  });

  it('refuses an anchor on text the server has not received, until it arrives', () => {
    const alice = joinDraft(seed);
    alice.applyEdit(() => $typeAt('sont dispersées', 0, 'restent '));
    const anchor = anchorOf(anchorForQuote(alice.doc, 'restent'));
    const server = serverDocFrom(seed);

    expect(checkAnchorBelongsToDoc(server, anchor)).toEqual({
      belongs: false,
      reason: 'unknown_item',
    });
    for (const update of alice.sentUpdates) Y.applyUpdate(server, update);
    expect(checkAnchorBelongsToDoc(server, anchor)).toEqual({ belongs: true });
  });

  it('keeps an anchor whose passage was deleted since: its thread shows detached', () => {
    const doc = serverDocFrom(seed);
    const anchor = anchorOf(anchorForQuote(doc, 'dispersées'));
    // Every block removed: Yjs collects the content of what was inside, and keeps the ids.
    const root = doc.get('root', Y.XmlText);
    root.delete(0, root.length);

    expect(checkAnchorBelongsToDoc(doc, anchor)).toEqual({ belongs: true });
  });

  it('refuses a position on a shared type outside the draft', () => {
    const doc = serverDocFrom(seed);
    const notes = doc.getText('notes');
    notes.insert(0, 'hors du brouillon');
    const outside = encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(notes, 3));
    const anchor = { ...anchorOf(anchorForQuote(doc, 'dispersées')), start: outside };

    expect(checkAnchorBelongsToDoc(doc, anchor)).toEqual({
      belongs: false,
      reason: 'outside_draft',
    });
  });
});
