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
import { readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The entries: the command line, and the worker threads it starts (found next to it, by file name). */
export const ENTRY_POINTS = {
  cli: 'src/main/cli.ts',
  'assess-worker': 'src/application/assessment/assess-worker.ts',
  'demo-worker': 'src/application/demo/demo-worker.ts',
};

/** Size and modification time of every file under src/, and of the files beside the sources the build depends on. */
function sourceStats(root) {
  const stats = new Map();
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const stat = statSync(join(root, path));
        stats.set(path, [stat.size, stat.mtimeMs]);
      }
    }
  };
  walk('src');
  for (const path of ['package.json', 'scripts/build.mjs']) {
    const stat = statSync(join(root, path));
    stats.set(path, [stat.size, stat.mtimeMs]);
  }
  return stats;
}

/**
 * Builds the bundle of the repository at `root` into `dir` (default: this repository's dist/). `onBundled`
 * runs between esbuild's build and the check that no source changed meanwhile (for the tests).
 */
export async function build({ root = repositoryRoot, dir = join(root, 'dist'), onBundled = () => undefined } = {}) {
  const { build: esbuild } = await import('esbuild');
  rmSync(dir, { recursive: true, force: true });
  // Taken before esbuild reads anything: a file saved while it builds must not be listed as the bundle's
  // (its new size and time would pass for the code the bundle holds).
  const before = sourceStats(root);
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
    // No `keepNames`: it wrapped every named function made at run time (closures in the assessment's inner
    // loops too) in a call that redefines its `name`, ~2 % of the daily run's CPU profile. Nothing reads a
    // function's name: the error classes whose name is shown set their own `name` (the others are told apart
    // with instanceof), each rule, check and step names itself in a string.
    keepNames: false,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
  });
  onBundled();
  const paths = [...Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/')), 'package.json', 'scripts/build.mjs'];
  const inputs = [...new Set(paths)].sort().map((path) => {
    const stat = statSync(join(root, path));
    const was = before.get(path);
    if (!was || was[0] !== stat.size || was[1] !== stat.mtimeMs) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${path} changed while the bundle was built: build it again (npm run build)`);
    }
    return [path, stat.size, stat.mtimeMs];
  });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ format: 1, builtFrom: inputs }, null, 0)}\n`);
  return { dir, inputs: inputs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
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
    rmSync(join(repositoryRoot, 'dist'), { recursive: true, force: true });
    console.warn(`rentwise: the bundle was not built (${message.split('\n')[0]}); the command will run the sources through tsx`);
  }
}
