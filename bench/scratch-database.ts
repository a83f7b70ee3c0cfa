import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/persistence/database';
import { openDatabase } from '../src/persistence/open-database';

/**
 * A database of its own for a bench script, dropped by `cleanup`: a new database on the PostgreSQL server of
 * DATABASE_URL when it is set, a temporary embedded database otherwise.
 */
export async function openScratchDatabase(prefix: string): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `${prefix}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: u.toString(), embeddedDir: '' });
    return {
      db,
      cleanup: async () => {
        await db.close();
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `${prefix.replaceAll('_', '-')}-`));
  const db = await openDatabase({ databaseUrl: null, embeddedDir: dir });
  return {
    db,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
