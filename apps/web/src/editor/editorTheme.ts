import type { EditorThemeClasses } from 'lexical';

/** Class names only: the CSP forbids inline styles, and DSFR typography applies to them. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'atelier-draft__paragraph',
  heading: {
    h1: 'atelier-draft__h1',
    h2: 'atelier-draft__h2',
    h3: 'atelier-draft__h3',
  },
  text: {
    bold: 'atelier-draft__bold',
    italic: 'atelier-draft__italic',
  },
  link: 'atelier-draft__link',
  list: {
    ul: 'atelier-draft__ul',
    ol: 'atelier-draft__ol',
    listitem: 'atelier-draft__li',
    nested: { listitem: 'atelier-draft__nested' },
  },
  table: 'atelier-draft__table',
  tableRow: 'atelier-draft__tr',
  tableCell: 'atelier-draft__td',
  tableCellHeader: 'atelier-draft__th',
  quote: 'atelier-draft__quote',
};
