import { draftSectionKeys } from '@atelier/domain';
import { $isHeadingNode } from '@lexical/rich-text';
import {
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
} from '@lexical/table';
import { $getRoot, $isElementNode, $isParagraphNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { draftSectionTitles, milestoneColumnTitles } from './draftOutline';
import { createDraftTemplateUpdate } from './draftTemplate';
import { joinDraft, serverDocFrom } from './draftTestClients';
import { largeDraftInput, sampleDraftInput } from './draftTestData';

/** The editor's top-level blocks as `type:tag text`, tables as their rows of cell texts. */
function outlineOf(editor: LexicalEditor): (string | string[][])[] {
  return editor.read(() =>
    $getRoot()
      .getChildren()
      .map((block) => {
        if ($isTableNode(block)) {
          return block
            .getChildren()
            .filter($isTableRowNode)
            .map((row) => row.getChildren().map((cell) => cell.getTextContent()));
        }
        const tag = $isHeadingNode(block) ? `:${block.getTag()}` : '';
        return `${block.getType()}${tag} ${block.getTextContent()}`;
      }),
  );
}

describe('createDraftTemplateUpdate', () => {
  it('gives a joining client the title, the eight OGP sections in order and the milestones table', () => {
    const client = joinDraft(createDraftTemplateUpdate(sampleDraftInput));

    expect(outlineOf(client.editor)).toEqual([
      `heading:h1 ${sampleDraftInput.title}`,
      `heading:h2 ${draftSectionTitles.problem}`,
      'paragraph Les citoyens peinent à savoir ce que deviennent leurs contributions.',
      'paragraph Le « cœur » du problème : la réponse motivée n’est pas systématique.',
      `heading:h2 ${draftSectionTitles.status_quo}`,
      'paragraph ',
      `heading:h2 ${draftSectionTitles.objective}`,
      'paragraph Publier une réponse motivée à chaque contribution, en moins de 3 mois.',
      `heading:h2 ${draftSectionTitles.how_it_helps}`,
      'paragraph ',
      `heading:h2 ${draftSectionTitles.ogp_relevance}`,
      'paragraph Transparence ; participation civique ; redevabilité.',
      `heading:h2 ${draftSectionTitles.milestones}`,
      'paragraph ',
      [
        [...milestoneColumnTitles],
        [
          'Ouvrir la plateforme de suivi',
          '2021-09-01',
          '2021-12-31',
          'DITP',
          'Plateforme en ligne, « données ouvertes »',
        ],
        [
          'Former 200 agents à la co-construction',
          '2022-01-15',
          '2022-06-30',
          'Ministère de l’Économie',
          'Bilan des formations',
        ],
      ],
      `heading:h2 ${draftSectionTitles.contact}`,
      'paragraph Direction interministérielle de la transformation publique (DITP)\nogp@example.fr',
      `heading:h2 ${draftSectionTitles.budget}`,
      'paragraph ',
    ]);
  });

  it('uses the French titles of the eight sections, in the order of draftSectionKeys', () => {
    const client = joinDraft(createDraftTemplateUpdate({ title: 'Titre' }));
    const h2Texts = client.editor.read(() =>
      $getRoot()
        .getChildren()
        .filter((block) => $isHeadingNode(block) && block.getTag() === 'h2')
        .map((heading) => heading.getTextContent()),
    );

    expect(h2Texts).toEqual(draftSectionKeys.map((key) => draftSectionTitles[key]));
    expect(h2Texts).toEqual([
      'Problème public à résoudre',
      'Situation actuelle',
      "Objectif de l'engagement",
      "Comment l'engagement contribue à résoudre le problème",
      'Pertinence au regard des valeurs du PGO',
      'Jalons',
      'Contact',
      "Budget et liens avec d'autres programmes",
    ]);
  });

  it('marks the header row as a Lexical header and gives an empty template one empty row of paragraphs', () => {
    const client = joinDraft(createDraftTemplateUpdate({ title: 'Titre' }));
    const rows = client.editor.read(() => {
      const table = $getRoot().getChildren().find($isTableNode);
      return (table?.getChildren() ?? []).filter($isTableRowNode).map((row) =>
        row
          .getChildren()
          .filter($isTableCellNode)
          .map((cell) => ({
            header: cell.getHeaderStyles() === TableCellHeaderStates.ROW,
            blocks: cell
              .getChildren()
              .map((child) => ($isParagraphNode(child) ? 'p' : child.getType())),
            text: cell.getTextContent(),
          })),
      );
    });

    expect(rows).toHaveLength(2);
    expect(rows[0]?.map((cell) => cell.header)).toEqual([true, true, true, true, true]);
    expect(rows[0]?.map((cell) => cell.text)).toEqual([...milestoneColumnTitles]);
    expect(rows[1]).toEqual(
      Array.from({ length: 5 }, () => ({ header: false, blocks: ['p'], text: '' })),
    );
  });

  it('keeps French characters intact (é, œ, « », ’, no-break spaces)', () => {
    const title = 'Œuvrer pour l’« égalité » des chances\u00a0: déjà ça !';
    const client = joinDraft(createDraftTemplateUpdate({ title }));

    expect(client.editor.read(() => $getRoot().getFirstChild()?.getTextContent())).toBe(title);
  });

  it('lets a joining client load the seed without writing anything back', () => {
    const client = joinDraft(createDraftTemplateUpdate(sampleDraftInput));

    expect(client.sentUpdates).toEqual([]);
  });

  it('does not duplicate anything when two clients join, edit nothing and exchange their states', () => {
    const seed = createDraftTemplateUpdate(sampleDraftInput);
    const alice = joinDraft(seed);
    const bob = joinDraft(seed);
    Y.applyUpdate(alice.doc, Y.encodeStateAsUpdate(bob.doc));
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc));

    const expected = outlineOf(joinDraft(seed).editor);
    expect(outlineOf(alice.editor)).toEqual(expected);
    expect(outlineOf(bob.editor)).toEqual(expected);
    // H1 + 8 × (H2 + one paragraph) + a second problem paragraph + the milestones table.
    expect(alice.doc.get('root', Y.XmlText).toDelta()).toHaveLength(19);
  });

  it('is byte-stable for the same input, so storing or applying it twice is a no-op', () => {
    const first = createDraftTemplateUpdate(sampleDraftInput);
    const second = createDraftTemplateUpdate({ ...sampleDraftInput });
    expect(second).toEqual(first);

    const server = serverDocFrom(first, second);
    expect(Y.encodeStateAsUpdate(server)).toEqual(Y.encodeStateAsUpdate(serverDocFrom(first)));
  });

  it('gives different inputs different writer ids, so two different seeds never collide', () => {
    const clientIdOf = (update: Uint8Array) => [
      ...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys(),
    ];
    const a = clientIdOf(createDraftTemplateUpdate({ title: 'Engagement A' }));
    const b = clientIdOf(createDraftTemplateUpdate({ title: 'Engagement B' }));

    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a).not.toEqual(b);
  });

  it('stays small enough to store once (sizes in bytes)', () => {
    const sizes = {
      empty: createDraftTemplateUpdate({ title: 'Titre' }).byteLength,
      sample: createDraftTemplateUpdate(sampleDraftInput).byteLength,
      fiveThousandWords: createDraftTemplateUpdate(largeDraftInput(5_000)).byteLength,
    };

    // Measured with lexical 0.52.0 and yjs 13.6.33: 9,761 / 14,924 / 91,394 bytes. Most of it is
    // the properties @lexical/yjs stores on every node (format, style, indent, direction…), which
    // clients write the same way; the budgets catch a template that grows by accident.
    expect(sizes.empty).toBeLessThan(12_000);
    expect(sizes.sample).toBeLessThan(18_000);
    expect(sizes.fiveThousandWords).toBeLessThan(110_000);
  });

  it('builds only element blocks at the top level, as the Lexical root requires', () => {
    const client = joinDraft(createDraftTemplateUpdate(sampleDraftInput));
    expect(
      client.editor.read(() =>
        $getRoot()
          .getChildren()
          .every((block) => $isElementNode(block)),
      ),
    ).toBe(true);
  });
});
