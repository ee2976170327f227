import { availableParallelism, loadavg } from 'node:os';
import { THREADS } from '../config';
import { LOAD_CPU } from '../load/loadRunner';
import { runSideProcess } from '../load/sideProcess';
import { printProgress } from '../report/printReport';
import { allMetrics, type SectionResult } from '../report/results';
import type { BenchWorkspace } from '../servers/benchWorkspace';
import { SERVER_CPU, type ServerProcess } from '../servers/serverProcess';
import { describeStartFailure, serverAbort } from '../workloads/runHelpers';
import { buildWebClient } from '../browser/webBundle';
import { originOf, startAtelierWithWebClient } from '../browser/webServer';
import type { ThreadsLoadParams, ThreadsLoadResult } from './threadsProtocol';
import { slowdownThreshold, threadsMetrics, threadsTable, threadsValues } from './threadsReport';

const WEB_BUILD_TIMEOUT_MS = 120_000;

const TITLE = 'threads on a draft: how many anchored threads before the editor slows';

function methodNotes(threadCounts: readonly number[]): string[] {
  return [
    `One fresh draft per thread count (${threadCounts.join(', ')}), all with the same text (${THREADS.PARAGRAPHS} paragraphs of ${THREADS.PHRASES_PER_PARAGRAPH} short sentences), seeded before the page opens: the text by a headless Lexical editor over y-websocket, one thread per sentence by REST (invited contributors, within the comment flood guard; API rate limit lifted for seeding).`,
    `A contributor opens the draft in Chromium (fresh context, fr-FR). Panel shown: navigation start -> the frame where the panel lists every thread. Highlights shown: -> the frame where CSS.highlights holds a range per passage.`,
    `Typing: ${THREADS.TYPED_CHARACTERS} keys at the end of the first seeded paragraph, one every 50 ms, every highlight on (passages resolved again, debounced, on document updates); keydown -> after the next paint. Heap: CDP JSHeapUsedSize after HeapProfiler.collectGarbage, after typing.`,
    `Server: production build serving apps/web/dist, demo data, taskset core ${SERVER_CPU} with the seeding and driver process; Chromium alone on core ${LOAD_CPU}.`,
  ];
}

/** `BENCH_WORKLOADS=threads`: seeds drafts with N threads and measures the editor on each. */
export async function runThreadsSection(
  workspace: BenchWorkspace,
  threadCounts: readonly number[],
): Promise<SectionResult> {
  const metrics = threadsMetrics(threadCounts);
  const section = (notes: string[], values: SectionResult['values']['atelier']) => ({
    title: TITLE,
    notes,
    metrics,
    values: { atelier: values ?? {} },
    columns: ['atelier'] as const,
    ratios: [],
  });
  const notes = methodNotes(threadCounts);
  printProgress(`${TITLE} :: building apps/web`);
  try {
    buildWebClient(WEB_BUILD_TIMEOUT_MS);
  } catch (error) {
    workspace.noteFailure();
    printProgress(error instanceof Error ? error.message : String(error));
    return section(notes, allMetrics(metrics, 'build failed'));
  }
  let server: ServerProcess;
  try {
    server = await startAtelierWithWebClient(workspace, { ...THREADS.SERVER_ENV });
  } catch (error) {
    workspace.noteFailure();
    return section(notes, allMetrics(metrics, describeStartFailure(error)));
  }
  printProgress(`${TITLE} :: seeding and Chromium`);
  const loadBefore = loadavg()[0] ?? 0;
  const outcome = await runSideProcess<ThreadsLoadResult>({
    entry: 'src/threads/threadsLoad.ts',
    params: {
      origin: originOf(server.port),
      chromiumCpu: LOAD_CPU,
      scratchDir: workspace.rootDir,
      threadCounts: [...threadCounts],
    } satisfies ThreadsLoadParams,
    name: 'threads side',
    timeoutMs: THREADS.RUN_TIMEOUT_MS,
    timeoutMessage: `exceeded ${THREADS.RUN_TIMEOUT_MS} ms`,
    abortWhen: serverAbort(server),
  });
  await server.stop();
  if (outcome.status !== 'ok') {
    workspace.noteFailure();
    printProgress(`threads side ${outcome.status}: ${outcome.message}`);
    return section(notes, allMetrics(metrics, outcome.status));
  }
  const { samples } = outcome.result;
  const verdict = slowdownThreshold(samples, THREADS.SLOW_TYPING_P95_MS);
  const table = threadsTable(samples);
  for (const line of [...table, verdict]) printProgress(line);
  const seeding = samples.map((s) => `${s.threads}: ${(s.seedingMs / 1000).toFixed(1)} s`);
  return section(
    [
      ...notes,
      `Machine load average (1 min) ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${availableParallelism()} cores: other work on the machine inflates latencies.`,
      `Chromium ${outcome.result.chromiumVersion}; draft text ${outcome.result.draftChars.toLocaleString('en-US')} characters. Seeding (not measured): ${seeding.join(', ')}.`,
      ...table,
      `Verdict: ${verdict}.`,
    ],
    threadsValues(samples),
  );
}
