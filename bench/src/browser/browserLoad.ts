/**
 * Entry of the browser-side child process: signs in, measures navigation to an editable draft,
 * then local typing latency while Lexical writers in this process edit the same draft. Sends one
 * result (or failure) over IPC and exits; every phase has a timeout, and Chromium and the
 * writers are closed whatever happens.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BROWSER, FANOUT } from '../config';
import { waitFor } from '../load/waiting';
import { serveSideProcess } from '../load/sideProcessEntry';
import { typeAtHumanPace } from './humanTyping';
import { BENCH_VIEWPORT, closeChromium, launchPinnedChromium } from './pinnedChromium';
import type {
  BrowserLoadParams,
  BrowserLoadResult,
  NavigationResult,
  TypingResult,
} from './browserProtocol';
import { DEMO_CONTRIBUTORS, firstDemoDraft, signIn, type SessionCookie } from './demoSession';
import { LexicalWriter } from './lexicalWriter';
import {
  EDITOR_SIGNALS,
  installEditableProbe,
  installKeyLatencyProbe,
  KEEP_NAMES_SHIM,
  readEditablePaintedAtMs,
  readEditorText,
  readKeyLatency,
} from './pageProbes';

/** Lower-case ASCII and spaces: every character is a real key press on the US layout. */
const TYPING_WORDS =
  'les administrations et la societe civile ecrivent ensemble un engagement ouvert ' +
  'avec des jalons verifiables et une reponse motivee a chaque contribution du public ';

// Every y-websocket provider adds its own process 'exit' listener.
process.setMaxListeners(0);

async function newSignedInContext(browser: Browser, origin: string, cookie: SessionCookie) {
  const context = await browser.newContext({ viewport: BENCH_VIEWPORT });
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: origin }]);
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  await context.addInitScript(installEditableProbe, EDITOR_SIGNALS);
  return context;
}

/** Navigates and returns navigation start -> editable draft painted, from the page's clock. */
async function navigateUntilEditable(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit', timeout: BROWSER.NAVIGATION_TIMEOUT_MS });
  const painted = await page.waitForFunction(readEditablePaintedAtMs, undefined, {
    timeout: BROWSER.NAVIGATION_TIMEOUT_MS,
  });
  return (await painted.jsonValue()) as number;
}

async function measureNavigation(
  browser: Browser,
  origin: string,
  url: string,
  cookie: SessionCookie,
): Promise<NavigationResult> {
  const result: NavigationResult = { coldMs: [], warmMs: [], discardedMs: [] };
  for (let run = 0; run <= BROWSER.NAVIGATION_RUNS; run++) {
    // A fresh context is a fresh profile: empty HTTP cache, storage and IndexedDB.
    const context = await newSignedInContext(browser, origin, cookie);
    try {
      const page = await context.newPage();
      const cold = await navigateUntilEditable(page, url);
      const warm = await navigateUntilEditable(page, url);
      if (run === 0) result.discardedMs.push(cold, warm);
      else {
        result.coldMs.push(cold);
        result.warmMs.push(warm);
      }
    } finally {
      await context.close();
    }
  }
  return result;
}

function typingText(length: number): string {
  return TYPING_WORDS.repeat(Math.ceil(length / TYPING_WORDS.length)).slice(0, length);
}

async function joinWriters(
  origin: string,
  docName: string,
  cookies: readonly SessionCookie[],
): Promise<LexicalWriter[]> {
  const wsOrigin = origin.replace(/^http/, 'ws');
  const writers = Array.from(
    { length: FANOUT.WRITERS },
    (_, index) =>
      new LexicalWriter(
        {
          wsOrigin,
          docName,
          cookieHeader: (cookies[index % cookies.length] as SessionCookie).header,
        },
        index,
      ),
  );
  const joined = await waitFor(
    () => writers.every((writer) => writer.synced),
    BROWSER.WRITERS_JOIN_TIMEOUT_MS,
  );
  if (!joined) {
    const synced = writers.filter((writer) => writer.synced).length;
    for (const writer of writers) writer.destroy();
    throw new Error(`only ${synced}/${writers.length} writers synced in time`);
  }
  return writers;
}

/** Puts the caret in the template's first paragraph with text, at the end of its first line. */
async function placeCaret(page: Page): Promise<void> {
  const paragraph = page.locator(`${EDITOR_SIGNALS.editor} p`).filter({ hasText: /\S/ }).first();
  await paragraph.click({ position: { x: 1, y: 1 }, timeout: BROWSER.NAVIGATION_TIMEOUT_MS });
  await page.keyboard.press('End');
}

async function countConverged(page: Page, writers: readonly LexicalWriter[]): Promise<number> {
  const expected = writers.map((writer) => writer.paragraphText());
  const converged = async () => {
    const text = await page.evaluate(readEditorText, EDITOR_SIGNALS.editor);
    return expected.filter((paragraph) => paragraph !== '' && text.includes(paragraph)).length;
  };
  const deadline = Date.now() + BROWSER.CONVERGE_TIMEOUT_MS;
  let count = await converged();
  while (count < writers.length && Date.now() < deadline) {
    await sleep(250);
    count = await converged();
  }
  return count;
}

async function measureTyping(
  browser: Browser,
  origin: string,
  url: string,
  docName: string,
  cookies: readonly SessionCookie[],
): Promise<TypingResult> {
  const context: BrowserContext = await newSignedInContext(
    browser,
    origin,
    cookies[0] as SessionCookie,
  );
  let writers: LexicalWriter[] = [];
  try {
    const page = await context.newPage();
    await navigateUntilEditable(page, url);
    // Before the writers add their paragraphs: typing at the end of a paragraph someone else is
    // extending interleaves both texts, as it should, which is not what this measures.
    await placeCaret(page);
    writers = await joinWriters(origin, docName, cookies);
    for (const writer of writers) writer.startTyping(FANOUT.EDIT_INTERVAL_MS);
    await sleep(BROWSER.WRITERS_WARMUP_MS);

    await page.evaluate(installKeyLatencyProbe, EDITOR_SIGNALS.editor);
    const text = typingText(BROWSER.TYPED_CHARACTERS);
    const editsBefore = writers.reduce((sum, writer) => sum + writer.editsSent, 0);
    const cpuBefore = process.cpuUsage();
    const typingStartedAt = performance.now();
    await typeAtHumanPace(page, text);
    await sleep(BROWSER.TYPING_SETTLE_MS);
    const typingMs = performance.now() - typingStartedAt;
    const cpu = process.cpuUsage(cpuBefore);
    const editsDuring = writers.reduce((sum, writer) => sum + writer.editsSent, 0) - editsBefore;
    const latency = await page.evaluate(readKeyLatency);

    for (const writer of writers) writer.stopTyping();
    const writersConverged = await countConverged(page, writers);
    const finalText = await page.evaluate(readEditorText, EDITOR_SIGNALS.editor);
    return {
      keypresses: text.length,
      keyToPaintMs: latency.keyToPaintMs,
      eventTimingMs: latency.eventTimingMs,
      writers: writers.length,
      remoteEditsDuringTyping: editsDuring,
      writersConverged,
      typedTextIntact: finalText.includes(text.trim()),
      writersCpuPercent: ((cpu.user + cpu.system) / 1000 / typingMs) * 100,
      writerServerCloses: writers.flatMap((writer) => writer.serverCloses),
    };
  } finally {
    for (const writer of writers) writer.destroy();
    await context.close();
  }
}

async function run(params: BrowserLoadParams): Promise<BrowserLoadResult> {
  const cookies = await Promise.all(DEMO_CONTRIBUTORS.map((email) => signIn(params.origin, email)));
  const draft = await firstDemoDraft(params.origin, cookies[0] as SessionCookie);
  const url = `${params.origin}${draft.editorPath}`;
  const browser = await launchPinnedChromium(
    params.chromiumCpu,
    params.scratchDir,
    'chromium-pinned.sh',
  );
  try {
    const navigation = await measureNavigation(
      browser,
      params.origin,
      url,
      cookies[0] as SessionCookie,
    );
    const typing = await measureTyping(browser, params.origin, url, draft.docName, cookies);
    return { chromiumVersion: browser.version(), editorPath: draft.editorPath, navigation, typing };
  } finally {
    await closeChromium(browser);
  }
}

void serveSideProcess('browserLoad', run);
