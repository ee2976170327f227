import type { Page } from '@playwright/test';

/** The `CSS.highlights` names the editor paints commented passages with (comments.css). */
export type HighlightName = 'atelier-comment' | 'atelier-comment-active';

/**
 * What the page highlights, read from the CSS Custom Highlight API: highlights are ranges, not
 * elements, so no locator reaches them.
 */
export class DraftHighlights {
  constructor(readonly page: Page) {}

  /** The text of each range of a highlight, in registration order. */
  async texts(name: HighlightName = 'atelier-comment'): Promise<string[]> {
    return this.page.evaluate(
      (highlightName) =>
        [...(CSS.highlights.get(highlightName) ?? [])].map((range) => range.toString()),
      name,
    );
  }

  /**
   * Characters of the draft's block before the first highlighted range: where the passage sits
   * in its paragraph. -1 when nothing is highlighted.
   */
  async offsetInBlock(name: HighlightName = 'atelier-comment'): Promise<number> {
    return this.page.evaluate((highlightName) => {
      const [range] = [...(CSS.highlights.get(highlightName) ?? [])] as Range[];
      if (range === undefined) return -1;
      const block = (range.startContainer.parentElement as Element).closest('p, li, h1, h2, h3');
      if (block === null) return -1;
      const before = document.createRange();
      before.setStart(block, 0);
      before.setEnd(range.startContainer, range.startOffset);
      return before.toString().length;
    }, name);
  }
}
