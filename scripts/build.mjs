#!/usr/bin/env node
// `npm run build` (and npm's `prepare`, so `npm ci` runs it): bundles the command line's TypeScript into
// dist/ with esbuild, so that `rentwise` starts without compiling its modules one by one through tsx's
// loader (docs/adr/0009-the-command-runs-a-bundle-of-the-sources.md). dist/ is never committed;
// dist/manifest.json names every source file the bundle was built from, with its size and time, and
// bin/rentwise.mjs runs the bundle only while all of them are unchanged (else the sources, through tsx).
//
//   node scripts/build.mjs            build, or fail with esbuild's messages
//   node scripts/build.mjs --prepare  as npm's prepare step: a failure is reported and the install goes on
//                                     (the command then runs the sources through tsx)
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');

/** The entries: the command line, and the worker threads it starts (found next to it, by file name). */
export const ENTRY_POINTS = {
  cli: 'src/main/cli.ts',
  'assess-worker': 'src/application/assessment/assess-worker.ts',
  'demo-worker': 'src/application/demo/demo-worker.ts',
};

export async function build({ dir = outdir } = {}) {
  const { build: esbuild } = await import('esbuild');
  rmSync(dir, { recursive: true, force: true });
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: dir,
    bundle: true,
    // Packages stay in node_modules and are imported from there, as the sources import them (PGlite, for
    // one, finds its WebAssembly next to its own files).
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    // Every file in dist/ itself: a worker is found next to the module that starts it (`new URL('./assess-worker.mjs',
    // import.meta.url)`), whichever chunk that module ends up in.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // Class and function names as written (errors are named after their class).
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.startsWith('node_modules/'))
    .sort()
    .map((path) => {
      const stat = statSync(join(root, path));
      return [path, stat.size, stat.mtimeMs];
    });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ format: 1, builtFrom: inputs }, null, 0)}\n`);
  return { dir, inputs: inputs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const prepare = process.argv.includes('--prepare');
  try {
    const { dir, inputs } = await build();
    console.log(`rentwise: bundled ${inputs} source files into ${relative(process.cwd(), dir) || '.'}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!prepare) {
      console.error(message);
      process.exit(1);
    }
    rmSync(outdir, { recursive: true, force: true });
    console.warn(`rentwise: the bundle was not built (${message.split('\n')[0]}); the command will run the sources through tsx`);
  }
}
