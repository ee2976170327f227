#!/usr/bin/env node
// Compiles the peer servers' launchers to plain JavaScript, so every server in the benchmark runs
// under plain `node` (ours is built by apps/server/scripts/build.mjs): nobody pays for a
// TypeScript loader thread in the memory and CPU figures.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const launcher of ['hocuspocusServer', 'yWebsocketServer', 'bareSocketIoServer']) {
  await build({
    entryPoints: [path.join(benchRoot, `src/servers/${launcher}.ts`)],
    outfile: path.join(benchRoot, `dist/${launcher}.mjs`),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}
