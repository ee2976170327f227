import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The node classes a commitment draft may contain, beyond Lexical's core nodes (root, paragraph,
 * text, line break, tab). The web client's editor and every server-side headless editor must
 * register exactly this list: `@lexical/yjs` refuses a shared type whose `__type` is not
 * registered ("Node … is not registered"), so a client with an extra node can write content that
 * another client cannot load.
 */
export const draftNodes: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];
