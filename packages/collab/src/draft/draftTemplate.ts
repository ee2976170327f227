import { draftSectionKeys, type DraftSectionKey, type Milestone } from '@atelier/domain';
import { $createHeadingNode } from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type ParagraphNode,
} from 'lexical';
import * as Y from 'yjs';

import { draftSectionTitles, milestoneColumnTitles } from './draftOutline';
import { bindHeadlessDraftEditor } from './headlessDraftEditor';

export interface DraftTemplateInput {
  /** The commitment's title, shown as the draft's H1. */
  readonly title: string;
  /** Paragraphs to put under a section; a section left out gets one empty paragraph to type in. */
  readonly sections?: Partial<Record<DraftSectionKey, readonly string[]>>;
  /** Rows of the milestones table; none gives one empty row. */
  readonly milestones?: readonly Milestone[];
}

/**
 * Builds a commitment draft's initial content as ONE Yjs update, to be stored once by the server
 * and reach every client through sync (clients run with `shouldBootstrap` off).
 *
 * The content is written by a headless Lexical editor bound through `@lexical/yjs`, as a browser
 * client would write it, so the Yjs structure is exactly the one the client's binding reads.
 *
 * The same input always gives the same bytes: the writer's Yjs client id is derived from the
 * input. Storing or applying the update twice is then a no-op instead of a second copy of the
 * template, while two different inputs get different client ids (a 32-bit hash: a clash is
 * about one in four billion), so their structs never overwrite each other.
 */
export function createDraftTemplateUpdate(input: DraftTemplateInput): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = templateClientIdFor(input);
  const { applyEdit, dispose } = bindHeadlessDraftEditor(doc);
  try {
    applyEdit(() => $writeDraftTemplate(input));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    dispose();
    doc.destroy();
  }
}

function $writeDraftTemplate(input: DraftTemplateInput): void {
  const root = $getRoot();
  root.clear();
  root.append($createHeadingNode('h1').append(...$textWithLineBreaks(input.title)));
  for (const key of draftSectionKeys) {
    root.append($createHeadingNode('h2').append($createTextNode(draftSectionTitles[key])));
    const paragraphs = input.sections?.[key] ?? [];
    if (paragraphs.length === 0) {
      root.append($createParagraphNode());
    }
    for (const text of paragraphs) {
      root.append($createParagraphWithText(text));
    }
    if (key === 'milestones') {
      root.append($createMilestoneTable(input.milestones ?? []));
    }
  }
}

function $createMilestoneTable(milestones: readonly Milestone[]): TableNode {
  const table = $createTableNode();
  table.append($createTableRow(milestoneColumnTitles, TableCellHeaderStates.ROW));
  const rows: readonly (readonly string[])[] =
    milestones.length > 0 ? milestones.map(milestoneCells) : [milestoneColumnTitles.map(() => '')];
  for (const cells of rows) {
    table.append($createTableRow(cells, TableCellHeaderStates.NO_STATUS));
  }
  return table;
}

function milestoneCells(milestone: Milestone): readonly string[] {
  return [
    milestone.title,
    milestone.startsOn,
    milestone.endsOn,
    milestone.owner,
    milestone.expectedOutput,
  ];
}

function $createTableRow(cells: readonly string[], headerState: number): ElementNode {
  const row = $createTableRowNode();
  for (const text of cells) {
    // A table cell holds blocks, never bare text: Lexical's table code expects a paragraph.
    row.append($createTableCellNode(headerState).append($createParagraphWithText(text)));
  }
  return row;
}

function $createParagraphWithText(text: string): ParagraphNode {
  return $createParagraphNode().append(...$textWithLineBreaks(text));
}

/**
 * A Lexical text node never holds a newline (the editor types one as a line break node), so a
 * newline in the input becomes one. An empty string gives no node at all: Lexical would remove an
 * empty text node on its next normalization, and an empty block is simply childless.
 */
function $textWithLineBreaks(text: string) {
  return text
    .split('\n')
    .flatMap((line, index) => [
      ...(index > 0 ? [$createLineBreakNode()] : []),
      ...(line === '' ? [] : [$createTextNode(line)]),
    ]);
}

/**
 * A Yjs client id (uint32, never 0) that depends only on the input, so the update is byte-stable.
 * FNV-1a over the input's JSON is enough: it only has to tell different templates apart.
 */
function templateClientIdFor(input: DraftTemplateInput): number {
  // Canonical order, so that two equal inputs built in a different key order hash the same.
  const json = JSON.stringify([
    input.title,
    draftSectionKeys.map((key) => input.sections?.[key] ?? []),
    (input.milestones ?? []).map(milestoneCells),
  ]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash === 0 ? 1 : hash;
}
