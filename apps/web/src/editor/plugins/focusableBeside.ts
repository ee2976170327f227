const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The first keyboard-focusable element after (or the last before) `element`, outside it. */
export function focusableBeside(
  element: HTMLElement,
  side: 'before' | 'after',
): HTMLElement | null {
  const candidates = Array.from(
    element.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE),
  ).filter(
    (candidate) =>
      candidate !== element &&
      !element.contains(candidate) &&
      !candidate.closest('[hidden], [inert]'),
  );
  const following = (candidate: HTMLElement) =>
    (element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (side === 'after') return candidates.find(following) ?? null;
  return candidates.filter((candidate) => !following(candidate)).at(-1) ?? null;
}
