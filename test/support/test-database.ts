import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/persistence/database';
import { migrate } from '../../src/persistence/migrate';
import { openPgliteDatabase } from '../../src/persistence/pglite-database';
import { openPostgresDatabase } from '../../src/persistence/postgres-database';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server of DATABASE_URL when it is set (dropped again on close). The same tests run on both.
 */
export async function createTestDatabase(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPgliteDatabase();
    await migrate(db);
    return db;
  }
  const name = `rentwise_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const inner = await openPostgresDatabase(testUrl.toString(), 5);
  await migrate(inner);
  return {
    ...inner,
    async close() {
      await inner.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** The URL of a fresh PostgreSQL database (for tests that run the CLI as a child process), or null on PGlite. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const name = `rentwise_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    url: testUrl.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
