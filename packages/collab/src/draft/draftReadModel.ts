import type { DraftSectionKey, Milestone } from '@atelier/domain';
import * as Y from 'yjs';

import {
  milestoneColumnTitles,
  normalizeHeadingText,
  sectionKeyForHeading,
  TABLE_CELL_ROW_HEADER,
} from './draftOutline';
import {
  attributeOf,
  childElementsOf,
  DRAFT_ROOT_NAME,
  elementOf,
  textOf,
  type DraftElement,
} from './draftYjsTree';

/** What the server derives from a draft for lists, search and exports. */
export interface DraftContents {
  /** Text of the first H1, else of the first non-empty paragraph. */
  readonly title: string;
  /**
   * Plain text of each section found, its blocks separated by a blank line; empty blocks and the
   * milestones table are left out. A section whose heading a writer renamed or removed is absent;
   * a section with nothing written yet is ''.
   */
  readonly sections: Partial<Record<DraftSectionKey, string>>;
  /** Rows of the first table under "Jalons", after its header row; blank rows skipped. */
  readonly milestones: Milestone[];
  /** Words in the whole draft, headings and tables included. */
  readonly wordCount: number;
}

/**
 * Reads a draft straight from its Yjs document, walking the tree `@lexical/yjs` writes: no Lexical
 * editor, no node registration, so the server's read stays cheap and keeps working if the client
 * later adds a node type the server does not know (read as a block unless listed as inline in
 * `draftInlineElementTypes`).
 */
export function readDraft(doc: Y.Doc): DraftContents {
  const root = elementOf(doc.get(DRAFT_ROOT_NAME, Y.XmlText));
  const blocks = childElementsOf(root);

  const sectionBlocks = new Map<DraftSectionKey, DraftElement[]>();
  let currentSection: DraftElement[] | undefined;
  for (const block of blocks) {
    if (headingLevelOf(block) === 'h2') {
      // Every H2 closes the section before it; only a known, not yet seen title opens one.
      const key = sectionKeyForHeading(textOf(block));
      currentSection = key !== undefined && !sectionBlocks.has(key) ? [] : undefined;
      if (key !== undefined && currentSection !== undefined) sectionBlocks.set(key, currentSection);
    } else {
      currentSection?.push(block);
    }
  }

  const milestonesTable = sectionBlocks.get('milestones')?.find((block) => block.type === 'table');
  const sections: Partial<Record<DraftSectionKey, string>> = {};
  for (const [key, sectionContent] of sectionBlocks) {
    sections[key] = sectionContent
      .filter((block) => block !== milestonesTable)
      .map(textOf)
      .filter((text) => text.trim() !== '')
      .join('\n\n');
  }

  return {
    title: titleOf(blocks),
    sections,
    milestones: milestonesTable === undefined ? [] : milestonesOf(milestonesTable),
    wordCount: countWords(textOf(root)),
  };
}

function headingLevelOf(block: DraftElement): unknown {
  return block.type === 'heading' ? attributeOf(block, '__tag') : undefined;
}

function titleOf(blocks: readonly DraftElement[]): string {
  const h1 = blocks.find((block) => headingLevelOf(block) === 'h1');
  if (h1 !== undefined) return textOf(h1).trim();
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const text = textOf(block).trim();
    if (text !== '') return text;
  }
  return '';
}

function milestonesOf(table: DraftElement): Milestone[] {
  const rows = childElementsOf(table).map((row) =>
    childElementsOf(row).filter((cell) => cell.type === 'tablecell'),
  );
  const dataRows = rows[0] !== undefined && isHeaderRow(rows[0]) ? rows.slice(1) : rows;
  const milestones: Milestone[] = [];
  for (const cells of dataRows) {
    const [title = '', startsOn = '', endsOn = '', owner = '', expectedOutput = ''] = cells.map(
      (cell) => textOf(cell).trim(),
    );
    if ([title, startsOn, endsOn, owner, expectedOutput].every((text) => text === '')) continue;
    milestones.push({ title, startsOn, endsOn, owner, expectedOutput });
  }
  return milestones;
}

/** A header row is marked as such, or still reads "Jalon | Début | …" after a writer unmarked it. */
function isHeaderRow(cells: readonly DraftElement[]): boolean {
  const markedAsHeader = cells.some((cell) => {
    const headerState = attributeOf(cell, '__headerState');
    return typeof headerState === 'number' && (headerState & TABLE_CELL_ROW_HEADER) !== 0;
  });
  if (markedAsHeader) return true;
  const texts = cells.map((cell) => normalizeHeadingText(textOf(cell)));
  return milestoneColumnTitles.every(
    (title, index) => texts[index] === normalizeHeadingText(title),
  );
}

/**
 * Counts whitespace-separated tokens that hold at least one letter or digit, as word processors
 * do: "l’engagement" is one word, and the spaced punctuation of French ("« », : ;") is none.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) words++;
  }
  return words;
}
