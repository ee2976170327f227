#!/usr/bin/env node
// Bundles the server and our workspace packages (TypeScript sources) into dist/main.js, leaving
// every npm package external. Production runs plain `node dist/main.js`: no TypeScript loader
// thread at run time (about 40 MB of memory and a slower start with tsx).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(serverRoot, 'dist/main.js');

/** Bundle our own packages (their package.json points at TypeScript); leave npm packages alone. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@atelier/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const result = await build({
  entryPoints: [path.join(serverRoot, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [externalNpmPackages],
});

// Every external must resolve from dist/: with pnpm, that means a direct dependency of the server.
const requireFromDist = createRequire(outfile);
const externals = new Set(
  Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports
      .filter((entry) => entry.external && !entry.path.startsWith('node:'))
      .map((entry) => entry.path),
  ),
);
const unresolved = [...externals].filter((specifier) => {
  try {
    requireFromDist.resolve(specifier);
    return false;
  } catch (error) {
    // ESM-only packages have no "require" export; their package.json still proves they resolve.
    if (error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return false;
    return true;
  }
});
if (unresolved.length > 0) {
  console.error(
    `Not resolvable from apps/server (add them to its dependencies): ${unresolved.join(', ')}`,
  );
  process.exit(1);
}
console.log(`built ${path.relative(process.cwd(), outfile)} (${externals.size} external packages)`);
