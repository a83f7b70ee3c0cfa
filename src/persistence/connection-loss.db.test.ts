import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database';
import type { Db } from './database';
import { openPostgresDatabase } from './postgres-database';

/**
 * A connection the server ends while Rentwise holds it out of the pool (a transaction, a batch of reads): what runs on
 * it fails with the error, the connection is not given back, and the next statement gets a sound one. Unheard, the
 * broken connection's 'error' event would end the process.
 */
describe('a connection lost while it is in use', () => {
  let db: Db;
  let pool: Db | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.kind === 'postgres') pool = await openPostgresDatabase(db.connectionString!, 2);
  });
  afterAll(async () => {
    await pool?.close();
    await db.close();
  });

  it('fails the transaction that held it, and the pool goes on', async () => {
    if (!pool) return;
    const failing = pool.transaction(async (tx) => {
      const [row] = await tx.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      await db.query(`SELECT pg_terminate_backend($1)`, [row!.pid]);
      await tx.query(`SELECT 1 AS n`);
    });
    await expect(failing).rejects.toThrow();
    expect(await pool.query(`SELECT 2 AS n`)).toEqual([{ n: 2 }]);
    expect(await pool.queryBatch!([{ sql: `SELECT 3 AS n`, params: [] }, { sql: `SELECT 4 AS n`, params: [] }])).toEqual([[{ n: 3 }], [{ n: 4 }]]);
  });

  it('fails the batch that held it, and the pool goes on', async () => {
    if (!pool?.queryBatch) return;
    const failing = pool.queryBatch([
      { sql: `SELECT 1 AS n`, params: [] },
      { sql: `SELECT pg_terminate_backend(pg_backend_pid())`, params: [] },
      { sql: `SELECT 2 AS n`, params: [] },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await pool.queryBatch([{ sql: `SELECT 5 AS n`, params: [] }, { sql: `SELECT 6 AS n`, params: [] }])).toEqual([[{ n: 5 }], [{ n: 6 }]]);
  });
});
