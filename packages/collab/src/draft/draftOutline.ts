import type { DraftSectionKey } from '@atelier/domain';

/** Titles of the OGP template sections as the draft shows them (the H2 headings), in French. */
export const draftSectionTitles: Readonly<Record<DraftSectionKey, string>> = {
  problem: 'Problème public à résoudre',
  status_quo: 'Situation actuelle',
  objective: "Objectif de l'engagement",
  how_it_helps: "Comment l'engagement contribue à résoudre le problème",
  ogp_relevance: 'Pertinence au regard des valeurs du PGO',
  milestones: 'Jalons',
  contact: 'Contact',
  budget: "Budget et liens avec d'autres programmes",
};

/** Header row of the milestones table, in the column order of `Milestone`. */
export const milestoneColumnTitles = [
  'Jalon',
  'Début',
  'Fin',
  'Responsable',
  'Livrable attendu',
] as const;

/**
 * Reduces a heading to what identifies it, so that "  objectif de l’Engagement :" still finds its
 * section: case, accents, apostrophe style, runs of whitespace (including no-break spaces) and a
 * trailing colon are not what a writer means to change.
 */
export function normalizeHeadingText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .toLocaleLowerCase('fr');
}

const sectionKeyByNormalizedTitle: ReadonlyMap<string, DraftSectionKey> = new Map(
  (Object.entries(draftSectionTitles) as [DraftSectionKey, string][]).map(([key, title]) => [
    normalizeHeadingText(title),
    key,
  ]),
);

/** The section an H2 heading opens, or undefined when a writer renamed or added the heading. */
export function sectionKeyForHeading(headingText: string): DraftSectionKey | undefined {
  return sectionKeyByNormalizedTitle.get(normalizeHeadingText(headingText));
}

/**
 * `__type` of the draft's inline element nodes (`isInline()` is true). The read model walks the
 * Yjs tree without a Lexical editor, so it needs this to join text the way Lexical's
 * `getTextContent()` does: no paragraph break around an inline element. Plain strings, so that
 * reading a draft never loads Lexical; a test keeps this set in step with `draftNodes`.
 */
export const draftInlineElementTypes: ReadonlySet<string> = new Set(['link', 'autolink']);

/** Lexical's `TableCellHeaderStates.ROW` bit, as stored on table cells in the Yjs tree. */
export const TABLE_CELL_ROW_HEADER = 1;
