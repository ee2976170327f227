/**
 * Which contributions are new since the ids already seen. The first list a screen gets (its
 * join snapshot) is not "new": `seen` null means nothing is announced, only remembered.
 */
export function newContributions<T extends { readonly id: string }>(
  seen: ReadonlySet<string> | null,
  items: readonly T[],
): { readonly fresh: readonly T[]; readonly ids: ReadonlySet<string> } {
  const ids = new Set(items.map((item) => item.id));
  if (seen === null) return { fresh: [], ids };
  return { fresh: items.filter((item) => !seen.has(item.id)), ids };
}
