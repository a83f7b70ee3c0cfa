import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../bin/bundle.mjs';
import { build, ENTRY_POINTS } from '../scripts/build.mjs';
import { runRentwise } from './support/cli';
import { tempDir } from './support/temp-files';

/**
 * The bundle `npm ci` builds (scripts/build.mjs) and the choice bin/rentwise.mjs makes between it and the
 * sources (bin/bundle.mjs; docs/adr/0009). The other command-line tests run whichever the checkout has;
 * this one builds a bundle of its own and runs it, so both ways are tested wherever the tests run.
 */

describe('freshBundle: the bundle only while every file it was built from is unchanged', () => {
  const files = tempDir('rentwise-bundle-choice-');
  afterAll(files.cleanup);
  const root = files.dir;
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  const source = join(root, 'src', 'a.ts');
  const manifest = (builtFrom: unknown, format: unknown = 1) => writeFileSync(join(root, 'dist', 'manifest.json'), JSON.stringify({ format, builtFrom }));
  const reset = () => {
    writeFileSync(source, 'export const a = 1;\n');
    utimesSync(source, 1_700_000_000, 1_700_000_000);
    return [['src/a.ts', statSync(source).size, 1_700_000_000_000]];
  };

  it.each([
    ['as built', (built: unknown[]) => manifest(built), true],
    ['no manifest', () => rmSync(join(root, 'dist', 'manifest.json'), { force: true }), false],
    ['a manifest that is not JSON', () => writeFileSync(join(root, 'dist', 'manifest.json'), '{'), false],
    ['another format', (built: unknown[]) => manifest(built, 2), false],
    ['no files listed', () => manifest([]), false],
    ['a malformed entry', () => manifest([['src/a.ts', 20]]), false],
    ['the file edited (another size)', (built: unknown[]) => (manifest(built), writeFileSync(source, 'export const a = 10;\n')), false],
    ['the file edited (same size, later time)', (built: unknown[]) => (manifest(built), utimesSync(source, 1_700_000_100, 1_700_000_100)), false],
    ['the file deleted', (built: unknown[]) => (manifest(built), rmSync(source)), false],
  ])('%s', (_name, arrange, fresh) => {
    const built = reset();
    arrange(built);
    expect(freshBundle(root)).toBe(fresh ? pathToFileURL(join(root, 'dist', 'cli.mjs')).href : null);
  });
});

describe('build: a source saved while the bundle is built', () => {
  const files = tempDir('rentwise-bundle-race-');
  afterAll(files.cleanup);

  it('is refused (no manifest, so the command runs the sources), and the next build is taken', async () => {
    // A project of three entry files, as scripts/build.mjs expects.
    const root = files.dir;
    for (const path of Object.values(ENTRY_POINTS)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), 'export const main = () => 1;\n');
    }
    writeFileSync(join(root, 'package.json'), '{}\n');
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts', 'build.mjs'), '// stand-in\n');
    const edited = join(root, ENTRY_POINTS.cli!);
    await expect(build({ root, onBundled: () => writeFileSync(edited, 'export const main = () => 2;\n') })).rejects.toThrow(/changed while the bundle was built/);
    expect(freshBundle(root)).toBeNull();
    await build({ root });
    expect(freshBundle(root)).toBe(pathToFileURL(join(root, 'dist', 'cli.mjs')).href);
    expect(readFileSync(join(root, 'dist', 'cli.mjs'), 'utf8')).toContain('2');
  });
});

describe('the bundle', () => {
  // Inside the repository, as dist/ is: the bundle finds the migrations and templates from the package.json
  // above it, and the packages in node_modules.
  const dir = join(process.cwd(), 'node_modules', '.cache', `rentwise-bundle-test-${process.pid}`);
  const work = tempDir('rentwise-bundle-run-');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    work.cleanup();
  });
  let cli = '';
  beforeAll(async () => {
    const built = await build({ dir });
    expect(built.inputs).toBeGreaterThan(100);
    cli = pathToFileURL(join(dir, 'cli.mjs')).href;
  }, 60_000);

  /** `rentwise …` from the bundle, in a child process, on an embedded database in the test's directory. */
  const bundled = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const script = 'const { main } = await import(process.argv[1]); await main(["node", "rentwise", ...process.argv.slice(2)]);';
      execFile(process.execPath, ['--input-type=module', '-e', script, cli, '--db', join(work.dir, 'db'), ...args], { env }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  it('has an entry for the command line and for each worker thread, and every worker a chunk starts is in it', () => {
    const names = readdirSync(dir);
    for (const entry of Object.keys(ENTRY_POINTS)) expect(names).toContain(`${entry}.mjs`);
    const started = new Set<string>();
    for (const name of names.filter((n) => n.endsWith('.mjs'))) {
      for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g)) started.add(m[1]!);
    }
    expect([...started].sort()).toEqual(['assess-worker.mjs', 'demo-worker.mjs']);
    for (const file of started) expect(names).toContain(file);
  });

  it('assesses a case file exactly as the sources do', async () => {
    const example = join(process.cwd(), '..', 'shared', 'examples', 'cases', '001-clean-account.json');
    const fromBundle = await bundled(['assess', example, '--trace']);
    const fromSources = await runRentwise(['assess', example, '--trace'], { dbDir: join(work.dir, 'unused') });
    expect(fromBundle.code, fromBundle.stderr).toBe(0);
    expect(fromBundle.stdout).toBe(fromSources.stdout);
    expect(JSON.parse(fromBundle.stdout)).toHaveProperty('tenancyRef', 'RW-100101');
  }, 60_000);

  it('migrates an embedded database (the migrations found from the bundle) and serves its pages (the templates)', async () => {
    const migrated = await bundled(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const script = 'const { main } = await import(process.argv[1]); await main(["node", "rentwise", ...process.argv.slice(2)]);';
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, cli, '--db', join(work.dir, 'db'), 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /running at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve stopped (${code})`)));
      });
      const page = await fetch(`${url}/sign-in`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('govuk-template');
      expect(html).toContain('Sign in');
      const stylesheet = /href="([^"]+\.css)"/.exec(html)?.[1];
      expect(stylesheet).toBeDefined();
      expect((await fetch(new URL(stylesheet!, url))).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('starts its worker threads', async () => {
    const first = (file: string, workerData: unknown, send?: unknown) =>
      new Promise<{ type: string }>((resolve, reject) => {
        const worker = new Worker(new URL(file, pathToFileURL(join(dir, '/')).href), { workerData });
        worker.once('message', (m: { type: string }) => {
          resolve(m);
          void worker.terminate();
        });
        worker.once('error', reject);
        if (send !== undefined) worker.postMessage(send);
      });
    // No batches: the assessment worker opens its pool, reports its (empty) totals and closes.
    const assess = await first('assess-worker.mjs', { connectionString: 'postgres://nobody@127.0.0.1:1/none', batches: [], trigger: 'daily', policy: null, jobRunId: null });
    expect(['done', 'error']).toContain(assess.type);
    const inputs = { tenancies: 2, seed: 1, asOf: '2026-11-23', batchSize: 1, patchIds: Array.from({ length: 20 }, (_, i) => i + 1), propertyBase: 0, ledgerBase: 0, chargedWeeksInRentYear: 52 };
    const demo = await first('demo-worker.mjs', undefined, { type: 'start', inputs, ahead: 1 });
    expect(demo.type).toBe('batch');
  }, 60_000);
});
