import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../../../test/support/test-database';
import { runRentwise } from '../../../test/support/cli';
import { tempDir } from '../../../test/support/temp-files';
import { seedWeb } from '../../../test/support/seed-web';
import { csrfFrom } from '../../../test/support/web-client';
import { openPostgresDatabase } from '../../persistence/postgres-database';

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

  it('refuses a setting of the environment it cannot use, naming it and what it expects, before it serves', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const pool = await runRentwise(['serve', '--port', '0'], { dbDir: dir, env: { DATABASE_POOL_SIZE: '0' } });
    expect(pool.code).toBe(2);
    expect(pool.stderr).toBe('rentwise: DATABASE_POOL_SIZE: expected a whole number of connections from 1 to 1000, got "0"\n');
    const pages = await runRentwise(['serve', '--port', '0'], { dbDir: dir, env: { PAGE_CACHE_ENTRIES: 'lots' } });
    expect(pages.code).toBe(2);
    expect(pages.stderr).toBe('rentwise: PAGE_CACHE_ENTRIES: expected a whole number of pages, 0 or more, got "lots"\n');
  });

  it.runIf(process.env.DATABASE_URL)('serves from two processes on PostgreSQL, the same pages from either, and stops them all on SIGTERM', async () => {
    const database = (await createTestDatabaseUrl())!;
    cleanups.push(database.drop);
    const url = database.url;
    const port = 30000 + (process.pid % 20000);
    const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'rentwise.mjs'), 'serve', '--port', String(port), '--workers', '2'], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '3' },
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
    expect(out).toContain('in 2 processes, each with up to 3 connections to PostgreSQL');

    // One session's worklist, each request on a connection of its own (so served by either process, the kept
    // pages passing between them through the primary): the same page each time, and after a change the new one.
    const db = await openPostgresDatabase(url, 2);
    try {
      const seed = await seedWeb(db);
      const base = `http://127.0.0.1:${port}`;
      const signInPage = await fetch(`${base}/sign-in`, { headers: { connection: 'close' } });
      let cookie = signInPage.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const signedIn = await fetch(`${base}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { connection: 'close', cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfFrom(await signInPage.text()), username: 'officer.northgate', password: seed.password }).toString(),
      });
      expect(signedIn.status).toBe(303);
      cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') || cookie;
      const worklist = async () => {
        const res = await fetch(`${base}/worklist`, { headers: { connection: 'close', cookie } });
        expect(res.status).toBe(200);
        const html = await res.text();
        return html.replaceAll(/nonce="[^"]+"/g, 'nonce=""');
      };
      const pages = [];
      for (let i = 0; i < 6; i++) pages.push(await worklist());
      expect(pages[0]).toContain('TEN-N001');
      expect(new Set(pages).size).toBe(1);
      await db.query(`UPDATE tenants SET name = 'Renamed While Served' WHERE tenancy_id = $1`, [seed.tenancies['TEN-N001']]);
      const after = [];
      for (let i = 0; i < 6; i++) after.push(await worklist());
      expect(after[0]).toContain('Renamed While Served');
      expect(new Set(after).size).toBe(1);
    } finally {
      await db.close();
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
