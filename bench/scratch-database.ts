import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/persistence/database';
import { openDatabase } from '../src/persistence/open-database';

/**
 * A fresh database for a bench script, dropped by `drop`: a new PostgreSQL database when DATABASE_URL is set (unless
 * `pglite` is asked for), else a new embedded one.
 */
export async function freshDatabase(kind: 'default' | 'pglite' = 'default'): Promise<{ db: Db; url: string | null; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (kind === 'default' && url) {
    const name = `rentwise_bench_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } catch (error) {
      // A role that may not create databases: said plainly, with what to do, rather than the server's words alone.
      if ((error as { code?: string }).code === '42501') {
        throw new Error(
          `The benchmark builds its landlord in a database of its own (${name}, dropped at the end), and the role of DATABASE_URL may not create one: ` +
            `give it the right (ALTER ROLE … CREATEDB) or point DATABASE_URL at a role that has it. (${(error as Error).message})`,
          { cause: error },
        );
      }
      throw error;
    } finally {
      await admin.end();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: u.toString(), embeddedDir: '', maxConnections: 20 });
    return {
      db,
      url: u.toString(),
      async drop() {
        await db.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'rentwise-bench-'));
  const db = await openDatabase({ databaseUrl: null, embeddedDir: dir });
  return {
    db,
    url: null,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
