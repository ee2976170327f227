import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { BROWSER } from '../config';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LAUNCH_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 10_000;

/** The window every bench page opens in. */
export const BENCH_VIEWPORT = { width: 1280, height: 800 };

/**
 * An executable that runs Debian's Chromium pinned to `cpu`, so that the browser gets a core of
 * its own whatever core this process runs on (exec keeps Playwright's pipe file descriptors).
 */
function chromiumOnCore(cpu: string, scratchDir: string, scriptName: string): string {
  const path = join(scratchDir, scriptName);
  writeFileSync(path, `#!/bin/sh\nexec taskset -c ${cpu} ${BROWSER.CHROMIUM_PATH} "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Launches headless Chromium alone on `cpu`; `scriptName` names its wrapper in `scratchDir`. */
export function launchPinnedChromium(
  cpu: string,
  scratchDir: string,
  scriptName: string,
): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumOnCore(cpu, scratchDir, scriptName),
    args: CHROMIUM_ARGS,
    timeout: LAUNCH_TIMEOUT_MS,
  });
}

/** Closes Chromium, without waiting forever for a browser that no longer answers. */
export async function closeChromium(browser: Browser): Promise<void> {
  await Promise.race([browser.close(), sleep(CLOSE_TIMEOUT_MS)]);
}
