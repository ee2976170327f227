import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { BROWSER } from '../config';

/** Types at a steady pace: key i goes at start + i x interval, or at once when running late. */
export async function typeAtHumanPace(page: Page, text: string): Promise<void> {
  const startedAt = performance.now();
  for (let index = 0; index < text.length; index++) {
    const dueInMs = startedAt + index * BROWSER.KEY_INTERVAL_MS - performance.now();
    if (dueInMs > 0) await sleep(dueInMs);
    await page.keyboard.type(text[index] as string);
  }
}
