#!/usr/bin/env node
// Runs every test suite (Vitest, then Playwright when end-to-end specs exist) and prints the
// totals as one plain line, "N passed, M failed", which CI reads. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-test-results-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let anySuiteCrashed = false;

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Vitest: unit, integration and contract tests.
const vitestJson = path.join(resultsDir, 'vitest.json');
const vitestStatus = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  // A suite that failed to load has no failed test but fails the run.
  if (vitestStatus !== 0 && vitest.numFailedTests === 0) anySuiteCrashed = true;
} else {
  anySuiteCrashed = true;
}

// Playwright: end-to-end specs in e2e/, when there are any.
const e2eConfig = path.resolve('e2e/playwright.config.ts');
if (fs.existsSync(e2eConfig)) {
  const playwrightJson = path.join(resultsDir, 'playwright.json');
  const playwrightStatus = run('pnpm', ['--filter', '@atelier/e2e', 'exec', 'playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const playwright = readJson(playwrightJson);
  if (playwright?.stats) {
    totals.passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
    totals.failed += playwright.stats.unexpected;
    totals.skipped += playwright.stats.skipped;
    if (playwrightStatus !== 0 && playwright.stats.unexpected === 0) anySuiteCrashed = true;
  } else {
    anySuiteCrashed = true;
  }
}

if (anySuiteCrashed && totals.failed === 0) totals.failed = 1;
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
