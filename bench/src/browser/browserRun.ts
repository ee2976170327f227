import { BROWSER, FANOUT } from '../config';
import { LOAD_CPU } from '../load/loadRunner';
import { runSideProcess } from '../load/sideProcess';
import { percentile } from '../measure/percentiles';
import { printProgress } from '../report/printReport';
import {
  allMetrics,
  type MetricDefinition,
  type MetricValues,
  type SectionResult,
} from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import { SERVER_CPU, type ServerProcess } from '../servers/serverProcess';
import { describeStartFailure, serverAbort } from '../workloads/runHelpers';
import type { BrowserLoadParams, BrowserLoadResult } from './browserProtocol';
import {
  buildWebClient,
  EDITOR_ROUTE_MODULE,
  measureEditorRouteBundle,
  type EditorRouteBundle,
} from './webBundle';
import { originOf, startAtelierWithWebClient } from './webServer';

const BYTES_PER_KB = 1_000;
const { TARGETS } = BROWSER;

export const BROWSER_METRICS: readonly MetricDefinition[] = [
  {
    key: 'initialJsGzipKb',
    label: 'initial JS of the editor route, gzip -9',
    unit: `kB; target < ${TARGETS.INITIAL_JS_GZIP_KB}`,
    better: 'lower',
    digits: 1,
  },
  {
    key: 'initialCssGzipKb',
    label: 'initial CSS of the editor route, gzip -9',
    unit: 'kB',
    better: 'lower',
    digits: 1,
  },
  {
    key: 'navigationColdMs',
    label: 'navigation -> editable draft, cold, median',
    unit: `ms; target < ${TARGETS.NAVIGATION_MS.toLocaleString('en-US')}`,
    better: 'lower',
    digits: 0,
  },
  {
    key: 'navigationWarmMs',
    label: 'navigation -> editable draft, warm, median',
    unit: `ms; target < ${TARGETS.NAVIGATION_MS.toLocaleString('en-US')}`,
    better: 'lower',
    digits: 0,
  },
  {
    key: 'keyToPaintP50Ms',
    label: 'keypress -> next paint, p50',
    unit: 'ms',
    better: 'lower',
    digits: 1,
  },
  {
    key: 'keyToPaintP95Ms',
    label: 'keypress -> next paint, p95',
    unit: `ms; target < ${TARGETS.KEY_TO_PAINT_P95_MS}`,
    better: 'lower',
    digits: 1,
  },
  {
    key: 'eventTimingP95Ms',
    label: 'keypress -> paint presented (Event Timing), p95',
    unit: 'ms',
    better: 'lower',
    digits: 0,
  },
  { key: 'keysMeasured', label: 'keypresses measured', unit: '', better: 'none', digits: 0 },
  {
    key: 'remoteEditsDuringTyping',
    label: 'remote Lexical edits while typing',
    unit: '',
    better: 'none',
    digits: 0,
  },
  {
    key: 'writersConverged',
    label: 'remote paragraphs shown in full after typing',
    unit: '',
    better: 'none',
    digits: 0,
  },
  { key: 'typedTextIntact', label: 'typed text intact', unit: '', better: 'none', digits: 0 },
  {
    key: 'writersCpuPct',
    label: `writers + driver CPU while typing (core ${SERVER_CPU})`,
    unit: '% of a core',
    better: 'none',
    digits: 0,
  },
  { key: 'targetsMet', label: 'targets met', unit: '', better: 'none', digits: 0 },
];

const TITLE = 'web client: editor route size, navigation to an editable draft, typing latency';

function median(samples: readonly number[]): number | string {
  return percentile(samples, 50) ?? 'no sample';
}

/** p95 of Event Timing durations, counting unreported keys (below 16 ms) as fast ones. */
function eventTimingP95(reported: readonly number[], keypresses: number): number | string {
  const missing = Math.max(0, keypresses - reported.length);
  const p95 = percentile([...Array<number>(missing).fill(0), ...reported], 95);
  if (p95 === null) return 'no sample';
  return p95 === 0 ? '< 16' : p95;
}

function kb(bytes: number): number {
  return bytes / BYTES_PER_KB;
}

function targetsMet(values: MetricValues): string {
  const checks: Array<[string, string, number]> = [
    ['initial JS', 'initialJsGzipKb', TARGETS.INITIAL_JS_GZIP_KB],
    ['cold navigation', 'navigationColdMs', TARGETS.NAVIGATION_MS],
    ['warm navigation', 'navigationWarmMs', TARGETS.NAVIGATION_MS],
    ['typing p95', 'keyToPaintP95Ms', TARGETS.KEY_TO_PAINT_P95_MS],
  ];
  const missed = checks.filter(([, key, target]) => {
    const value = values[key];
    return typeof value !== 'number' || value >= target;
  });
  const met = `${checks.length - missed.length}/${checks.length}`;
  return missed.length === 0 ? met : `${met} (missed: ${missed.map(([name]) => name).join(', ')})`;
}

function bundleNotes(bundle: EditorRouteBundle): string[] {
  const list = bundle.js
    .map((file) => `${file.file.replace(/^assets\//, '')} ${kb(file.gzipBytes).toFixed(1)}`)
    .join(', ');
  return [`Initial JS (kB gzip): ${list}.`];
}

function methodNotes(): string[] {
  return [
    `Size: Vite build manifest of apps/web/dist (built with --manifest): index.html's entry chunk + static imports, plus the lazy ${EDITOR_ROUTE_MODULE} chunk + static imports; each file gzip level 9, summed. Other lazy chunks (other routes, English strings) excluded.`,
    `Server: production build (apps/server/dist/main.js) serving apps/web/dist, demo data, default limits, taskset core ${SERVER_CPU}. Chromium (Debian, headless, software rendering) alone on core ${LOAD_CPU}; the Playwright driver and the remote writers (other people's machines) on core ${SERVER_CPU} with the server.`,
    `Navigation: signed in through POST /api/auth/login, cookie injected; page clock from navigation start to the frame painted after the draft first is contenteditable="true", badge "connected" and text rendered. ${BROWSER.NAVIGATION_RUNS} fresh browser contexts: cold = first visit (empty cache, storage), warm = second navigation in that context; one pair discarded first.`,
    `Typing: ${FANOUT.WRITERS} headless-Lexical writers (y-websocket, demo contributors' cookies) x ${1000 / FANOUT.EDIT_INTERVAL_MS} edits/s, each growing its own paragraph; ${BROWSER.TYPED_CHARACTERS} keys in Chromium, one every ${BROWSER.KEY_INTERVAL_MS} ms. Latency = keydown event timestamp -> after the next paint (rAF, then a MessageChannel message); Event Timing shown as a cross-check (Chromium reports >= 16 ms only).`,
  ];
}

function section(notes: string[], values: MetricValues): SectionResult {
  return { title: TITLE, notes, metrics: BROWSER_METRICS, values: { atelier: values } };
}

/** The web client workload: build, size, then navigation and typing against a local server. */
export async function runBrowserSection(workspace: BenchWorkspace): Promise<SectionResult> {
  printProgress(`${TITLE} :: building apps/web`);
  let bundle: EditorRouteBundle;
  try {
    buildWebClient(BROWSER.WEB_BUILD_TIMEOUT_MS);
    bundle = measureEditorRouteBundle();
  } catch (error) {
    workspace.noteFailure();
    printProgress(error instanceof Error ? error.message : String(error));
    return section(methodNotes(), allMetrics(BROWSER_METRICS, 'build failed'));
  }
  const values: MetricValues = {
    ...allMetrics(BROWSER_METRICS, '-'),
    initialJsGzipKb: kb(bundle.jsGzipBytes),
    initialCssGzipKb: kb(bundle.cssGzipBytes),
  };
  const notes = [...methodNotes(), ...bundleNotes(bundle)];

  printProgress(`${TITLE} :: atelier + Chromium`);
  let server: ServerProcess;
  try {
    server = await startAtelierWithWebClient(workspace);
  } catch (error) {
    workspace.noteFailure();
    return section(notes, { ...values, ...startFailure(error) });
  }
  // The Playwright driver and the remote writers stand in for other people's machines.
  const outcome = await runSideProcess<BrowserLoadResult>({
    entry: 'src/browser/browserLoad.ts',
    params: {
      origin: originOf(server.port),
      chromiumCpu: LOAD_CPU,
      scratchDir: workspace.rootDir,
    } satisfies BrowserLoadParams,
    name: 'browser side',
    timeoutMs: BROWSER.RUN_TIMEOUT_MS,
    timeoutMessage: `browser side exceeded ${BROWSER.RUN_TIMEOUT_MS} ms`,
    abortWhen: serverAbort(server),
  });
  await server.stop();
  if (outcome.status !== 'ok') {
    workspace.noteFailure();
    printProgress(`browser side ${outcome.status}: ${outcome.message}`);
    const { initialJsGzipKb, initialCssGzipKb } = values;
    const failed = allMetrics(BROWSER_METRICS, outcome.status);
    return section(notes, { ...failed, initialJsGzipKb, initialCssGzipKb } as MetricValues);
  }

  const { navigation, typing } = outcome.result;
  Object.assign(values, {
    navigationColdMs: median(navigation.coldMs),
    navigationWarmMs: median(navigation.warmMs),
    keyToPaintP50Ms: percentile(typing.keyToPaintMs, 50) ?? 'no sample',
    keyToPaintP95Ms: percentile(typing.keyToPaintMs, 95) ?? 'no sample',
    eventTimingP95Ms: eventTimingP95(typing.eventTimingMs, typing.keypresses),
    keysMeasured: `${typing.keyToPaintMs.length}/${typing.keypresses}`,
    remoteEditsDuringTyping: typing.remoteEditsDuringTyping,
    writersConverged: `${typing.writersConverged}/${typing.writers}`,
    typedTextIntact: typing.typedTextIntact ? 'yes' : 'NO',
    writersCpuPct: typing.writersCpuPercent,
  });
  values.targetsMet = targetsMet(values);
  const rounded = (samples: number[]) => samples.map((ms) => Math.round(ms)).join(', ');
  notes.push(
    `Chromium ${outcome.result.chromiumVersion}, ${outcome.result.editorPath}. Navigation samples (ms): cold ${rounded(navigation.coldMs)}; warm ${rounded(navigation.warmMs)}; discarded ${rounded(navigation.discardedMs)}.`,
  );
  if (typing.writerServerCloses.length > 0) {
    notes.push(`Server closed writers with codes ${typing.writerServerCloses.join(', ')}.`);
  }
  return section(notes, values);
}

function startFailure(error: unknown): MetricValues {
  const status = describeStartFailure(error);
  return Object.fromEntries(
    BROWSER_METRICS.filter((metric) => !metric.key.startsWith('initial')).map((metric) => [
      metric.key,
      status,
    ]),
  );
}
