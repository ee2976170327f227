import * as Y from 'yjs';

import { draftInlineElementTypes } from './draftOutline';

/**
 * Name of the top-level `Y.XmlText` holding the draft. It is the default `rootName` of
 * `@lexical/react`'s `CollaborationPlugin`, so the web client needs no configuration to match.
 */
export const DRAFT_ROOT_NAME = 'root';

/**
 * Read-only access to the tree `@lexical/yjs` (binding v1) writes, without a Lexical editor:
 * every element node is a `Y.XmlText` carrying its properties as attributes (`__type`, `__tag`,
 * `__headerState`, …) and embedding its children in order; a text node is a `Y.Map` of its
 * properties followed by its characters; a line break is a `Y.Map` whose `__type` is
 * `linebreak`; a decorator node is a `Y.XmlElement`.
 */
export interface DraftElement {
  readonly type: string;
  readonly sharedType: Y.XmlText;
}

const DOUBLE_LINE_BREAK = '\n\n';
const LINE_BREAK_TYPE = 'linebreak';

export function elementOf(sharedType: Y.XmlText): DraftElement {
  const type = sharedType.getAttribute('__type');
  return { type: typeof type === 'string' ? type : '', sharedType };
}

export function attributeOf(element: DraftElement, name: string): unknown {
  return element.sharedType.getAttribute(name);
}

/** The element children of an element (text, line breaks and decorators skipped). */
export function childElementsOf(element: DraftElement): DraftElement[] {
  const children: DraftElement[] = [];
  for (const op of element.sharedType.toDelta() as { insert: unknown }[]) {
    if (op.insert instanceof Y.XmlText) children.push(elementOf(op.insert));
  }
  return children;
}

/**
 * The element's plain text, joined as Lexical's `ElementNode.getTextContent()` joins it: a blank
 * line after every block child but the last, nothing around inline elements (links), a newline
 * per line break. Decorators count as no text, as Lexical's base `DecoratorNode` does.
 */
export function textOf(element: DraftElement): string {
  const ops = element.sharedType.toDelta() as { insert: unknown }[];
  let text = '';
  for (let index = 0; index < ops.length; index++) {
    const insert = ops[index]?.insert;
    if (typeof insert === 'string') {
      text += insert;
    } else if (insert instanceof Y.XmlText) {
      const child = elementOf(insert);
      text += textOf(child);
      const isLast = index === ops.length - 1;
      if (!isLast && !draftInlineElementTypes.has(child.type)) text += DOUBLE_LINE_BREAK;
    } else if (insert instanceof Y.Map && insert.get('__type') === LINE_BREAK_TYPE) {
      text += '\n';
    }
  }
  return text;
}
