/**
 * Entry of the threads workload's child process: for each thread count, seeds a fresh draft
 * (same text each time) with that many anchored threads over REST and a y-websocket client, then
 * opens it in Chromium and measures how long the panel and the highlights take to show, local
 * typing latency with every highlight on, and the page's memory. Sends one result (or failure)
 * over IPC and exits; every phase has a timeout, and Chromium is closed whatever happens.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, type Page } from 'playwright-core';
import { BROWSER, THREADS } from '../config';
import { serveSideProcess } from '../load/sideProcessEntry';
import { typeAtHumanPace } from '../browser/humanTyping';
import { BENCH_VIEWPORT, closeChromium, launchPinnedChromium } from '../browser/pinnedChromium';
import { firstDemoDraft, signIn, type SessionCookie } from '../browser/demoSession';
import {
  EDITOR_SIGNALS,
  installKeyLatencyProbe,
  KEEP_NAMES_SHIM,
  readEditorText,
  readKeyLatency,
} from '../browser/pageProbes';
import {
  anchorsFor,
  createBenchCommitment,
  createThreads,
  inviteAuthors,
  seededParagraphs,
  THREADS_PER_AUTHOR,
  writeDraftText,
} from './threadSeeding';
import {
  installThreadsShownProbe,
  pageNow,
  readHighlightedRanges,
  readResolvePasses,
  readThreadsShown,
  type ThreadsShownSignals,
} from './threadsProbes';
import type { ThreadsLoadParams, ThreadsLoadResult, ThreadsSample } from './threadsProtocol';

const FACILITATOR = 'animatrice@atelier.demo';
/** apps/web/src/editor/comments/commentHighlighter.ts (the bench does not import the web app). */
const RESOLVE_MEASURE = 'atelier:comment-highlights';
/** The person who opens the draft and types: a contributor, as most writers are. */
const READER = 'agent@atelier.demo';
const BYTES_PER_MB = 1_000_000;
/** Lower-case ASCII and spaces: every character is a real key press on the US layout. */
const TYPED_WORDS = 'les jalons restent suivis avec leurs indicateurs publics ';

const SIGNALS: ThreadsShownSignals = {
  editor: EDITOR_SIGNALS.editor,
  threadItems: '#draft-comments .atelier-comments__threads > li',
  panelLoading: '#draft-comments [role="status"]',
  highlight: 'atelier-comment',
};

process.setMaxListeners(0);

/** Chromium's used JS heap after a full garbage collection, through the DevTools protocol. */
async function jsHeapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    return used / BYTES_PER_MB;
  } finally {
    await cdp.detach();
  }
}

async function measureDraft(
  browser: Browser,
  origin: string,
  reader: SessionCookie,
  editorPath: string,
  threads: number,
  seedingMs: number,
): Promise<ThreadsSample> {
  const context = await browser.newContext({ viewport: BENCH_VIEWPORT, locale: 'fr-FR' });
  try {
    await context.addCookies([{ name: reader.name, value: reader.value, url: origin }]);
    await context.addInitScript({ content: KEEP_NAMES_SHIM });
    await context.addInitScript(installThreadsShownProbe, {
      signals: SIGNALS,
      expected: threads,
      resolveMeasure: RESOLVE_MEASURE,
    });
    const page = await context.newPage();
    await page.goto(`${origin}${editorPath}`, {
      waitUntil: 'commit',
      timeout: THREADS.LOAD_TIMEOUT_MS,
    });
    const shown = await page
      .waitForFunction(readThreadsShown, undefined, {
        timeout: THREADS.LOAD_TIMEOUT_MS,
        polling: 100,
      })
      .then((handle) => handle.jsonValue() as Promise<{ panelMs: number; highlightsMs: number }>)
      .catch(() => null);
    const highlightedRanges = await page.evaluate(readHighlightedRanges, SIGNALS.highlight);
    const loadPasses = await page.evaluate(readResolvePasses, 0);

    // Typing at the end of the first seeded paragraph, among anchored phrases.
    const paragraph = page.locator(`${SIGNALS.editor} p`).filter({ hasText: 'Jalon' }).first();
    await paragraph.click({ timeout: THREADS.LOAD_TIMEOUT_MS });
    await page.keyboard.press('End');
    await page.evaluate(installKeyLatencyProbe, SIGNALS.editor);
    const typingStartedAt = await page.evaluate(pageNow);
    const text = TYPED_WORDS.repeat(Math.ceil(THREADS.TYPED_CHARACTERS / TYPED_WORDS.length)).slice(
      0,
      THREADS.TYPED_CHARACTERS,
    );
    await typeAtHumanPace(page, text);
    await sleep(BROWSER.TYPING_SETTLE_MS);
    const latency = await page.evaluate(readKeyLatency);
    // Highlights are resolved again after the last key (debounced): give them that time.
    await sleep(THREADS.HIGHLIGHT_SETTLE_MS);
    const typingPasses = await page.evaluate(readResolvePasses, typingStartedAt);
    const finalText = await page.evaluate(readEditorText, SIGNALS.editor);
    return {
      threads,
      panelShownMs: shown?.panelMs ?? null,
      highlightsShownMs: shown?.highlightsMs ?? null,
      highlightedRanges,
      keyToPaintMs: latency.keyToPaintMs,
      keypresses: text.length,
      typedTextIntact: finalText.includes(text.trim()),
      highlightsAfterTyping: await page.evaluate(readHighlightedRanges, SIGNALS.highlight),
      jsHeapUsedMb: await jsHeapUsedMb(page),
      seedingMs,
      loadPasses,
      typingPasses,
    };
  } finally {
    await context.close();
  }
}

async function run(params: ThreadsLoadParams): Promise<ThreadsLoadResult> {
  const { origin } = params;
  const facilitator = await signIn(origin, FACILITATOR);
  const reader = await signIn(origin, READER);
  const demo = await firstDemoDraft(origin, facilitator);
  const consultationId = demo.editorPath.split('/')[2] as string;
  const most = Math.max(0, ...params.threadCounts);
  // Fresh authors for every draft: each person's comment budget (the flood guard) is whole.
  const authorCount = params.threadCounts.reduce(
    (sum, count) => sum + Math.ceil(count / THREADS_PER_AUTHOR),
    0,
  );
  process.stderr.write(`[bench] threads: inviting ${authorCount} authors\n`);
  const authors = await inviteAuthors(origin, facilitator, consultationId, authorCount);
  let nextAuthor = 0;
  const paragraphs = seededParagraphs(THREADS.PARAGRAPHS, THREADS.PHRASES_PER_PARAGRAPH);
  if (most > THREADS.PARAGRAPHS * THREADS.PHRASES_PER_PARAGRAPH)
    throw new Error(`at most ${THREADS.PARAGRAPHS * THREADS.PHRASES_PER_PARAGRAPH} threads`);

  const browser = await launchPinnedChromium(
    params.chromiumCpu,
    params.scratchDir,
    'chromium-threads-pinned.sh',
  );
  try {
    const samples: ThreadsSample[] = [];
    for (const threads of params.threadCounts) {
      process.stderr.write(`[bench] threads: seeding a draft with ${threads} threads\n`);
      const seedingStartedAt = performance.now();
      const commitment = await createBenchCommitment(
        origin,
        facilitator,
        consultationId,
        `Banc d’essai : ${threads} fils`,
      );
      const doc = await writeDraftText(origin, commitment.docName, facilitator, paragraphs);
      const anchors = anchorsFor(doc, threads);
      doc.destroy();
      const draftAuthors = authors.slice(
        nextAuthor,
        nextAuthor + Math.ceil(threads / THREADS_PER_AUTHOR),
      );
      nextAuthor += draftAuthors.length;
      await createThreads(origin, commitment.id, draftAuthors, anchors, THREADS.SEED_CONCURRENCY);
      const seedingMs = performance.now() - seedingStartedAt;
      process.stderr.write(`[bench] threads: measuring ${threads} threads in Chromium\n`);
      samples.push(
        await measureDraft(
          browser,
          origin,
          reader,
          `/consultations/${consultationId}/engagements/${commitment.id}`,
          threads,
          seedingMs,
        ),
      );
    }
    return {
      chromiumVersion: browser.version(),
      draftChars: paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0),
      samples,
    };
  } finally {
    await closeChromium(browser);
  }
}

void serveSideProcess('threadsLoad', run);
