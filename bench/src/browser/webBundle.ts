import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** Where the web client is built and where the server serves it from (apps/server/src/main.ts). */
export const WEB_DIST_DIR = join(REPO_DIR, 'apps/web/dist');
const MANIFEST_PATH = join(WEB_DIST_DIR, '.vite/manifest.json');
/** The manifest key of the HTML entry. */
const HTML_ENTRY = 'index.html';
/** The editor route's lazy module (apps/web/src/app/router.tsx). */
export const EDITOR_ROUTE_MODULE = 'src/editor/CommitmentEditorPage.tsx';
/** As `gzip -9`: the most a static gzip step could get; servers compressing on the fly do less. */
const GZIP_LEVEL = 9;
const OUTPUT_TAIL_CHARS = 2_000;

/** One chunk of Vite's build manifest (`build.manifest`), the fields we read. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

export interface BundleFile {
  file: string;
  gzipBytes: number;
}

export interface EditorRouteBundle {
  /** Entry chunk, its static imports, the lazy editor chunk and its static imports. */
  js: BundleFile[];
  css: BundleFile[];
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/**
 * Builds the web client for production into apps/web/dist, as `pnpm --filter @atelier/web build`
 * does minus its type check (which emits nothing), plus `--manifest` so the chunk graph can be
 * read instead of guessed. Throws with the build's output when it fails or times out.
 */
export function buildWebClient(timeoutMs: number): void {
  const build = spawnSync(
    'pnpm',
    ['--filter', '@atelier/web', 'exec', 'vite', 'build', '--manifest', '--logLevel', 'warn'],
    { cwd: REPO_DIR, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' },
  );
  if (build.error !== undefined || build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.slice(-OUTPUT_TAIL_CHARS);
    const why = build.error?.message ?? `exit code ${build.status}`;
    throw new Error(`web client build failed (${why}):\n${output}`);
  }
}

function gzipSize(file: string): BundleFile {
  const bytes = readFileSync(join(WEB_DIST_DIR, file));
  return { file, gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).byteLength };
}

/** Manifest keys reachable from `roots` through static imports only, roots included. */
function staticClosure(manifest: Manifest, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`build manifest has no chunk "${key}"`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return [...seen];
}

/**
 * What a browser fetches to show the editor route on a first visit: index.html's entry chunk
 * with its static imports (modulepreloaded), then the editor's lazy chunk with its static
 * imports (Vite preloads them with it). Other lazy chunks (other routes, the English strings)
 * are not counted. Sizes are gzip level 9 of each file, summed.
 */
export function measureEditorRouteBundle(): EditorRouteBundle {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;
  const entry = manifest[HTML_ENTRY];
  if (entry?.isEntry !== true) throw new Error(`build manifest has no entry "${HTML_ENTRY}"`);
  // If the router ever imports the editor statically, it is part of the entry's closure anyway.
  const roots =
    manifest[EDITOR_ROUTE_MODULE] === undefined ? [HTML_ENTRY] : [HTML_ENTRY, EDITOR_ROUTE_MODULE];
  const chunks = staticClosure(manifest, roots).map((key) => manifest[key] as ManifestChunk);
  const js = chunks.map((chunk) => gzipSize(chunk.file));
  const css = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].map(gzipSize);
  const sum = (files: BundleFile[]) => files.reduce((total, file) => total + file.gzipBytes, 0);
  return { js, css, jsGzipBytes: sum(js), cssGzipBytes: sum(css) };
}
