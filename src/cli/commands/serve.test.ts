import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../../../test/support/test-database';
import { runRentwise } from '../../../test/support/cli';
import { tempDir } from '../../../test/support/temp-files';

describe('rentwise serve', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('refuses several processes on the embedded database, and a bad --workers', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const several = await runRentwise(['serve', '--port', '0', '--workers', '2'], { dbDir: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('the embedded database serves from one process');
    const bad = await runRentwise(['serve', '--workers', 'many'], { dbDir: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--workers: expected a whole number');
  });

  it.runIf(process.env.DATABASE_URL)('serves from two processes on PostgreSQL and stops them all on SIGTERM', async () => {
    const database = (await createTestDatabaseUrl())!;
    cleanups.push(database.drop);
    const url = database.url;
    const port = 30000 + (process.pid % 20000);
    const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'rentwise.mjs'), 'serve', '--port', String(port), '--workers', '2'], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Stopped before its database is dropped, should the test fail before it stops the server itself.
    cleanups.unshift(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let health: unknown = null;
    // Up to 40 s: migrating a fresh database and starting two processes, beside the rest of the suite.
    for (let i = 0; i < 400 && health === null; i++) {
      health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json(), () => null);
      if (health === null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toEqual({ status: 'ok', database: 'ok' });
    expect(out).toContain('in 2 processes');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
