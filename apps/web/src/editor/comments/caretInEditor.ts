/** The DOM caret (the selection's focus) when it is in the editor, else null. */
export function caretInEditor(root: HTMLElement | null): { node: Node; offset: number } | null {
  const selection = document.getSelection();
  const node = selection?.focusNode ?? null;
  if (root === null || selection === null || node === null || !root.contains(node)) return null;
  return { node, offset: selection.focusOffset };
}
