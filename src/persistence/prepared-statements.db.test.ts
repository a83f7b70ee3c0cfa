import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database';
import type { Db } from './database';

/**
 * On PostgreSQL a parameterised statement is prepared once per connection and then reused by name (no parse
 * on later runs); the results are those of the unnamed statement. The embedded database runs them as before.
 */
describe('parameterised statements on PostgreSQL are prepared and reused', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  it('prepares a parameterised statement once on its connection and reuses it', async () => {
    if (db.kind !== 'postgres') return;
    const sql = `SELECT $1::int + 1 AS n /* prepared-statements test */`;
    await db.transaction(async (tx) => {
      expect(await tx.query<{ n: number }>(sql, [1])).toEqual([{ n: 2 }]);
      expect(await tx.query<{ n: number }>(sql, [41])).toEqual([{ n: 42 }]);
      const prepared = await tx.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [sql]);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^rw\d+$/);
    });
  });

  it('prepares a single statement without parameters too', async () => {
    if (db.kind !== 'postgres') return;
    const sql = `SELECT 6 * 7 AS n /* prepared-statements test, no parameters */`;
    await db.transaction(async (tx) => {
      expect(await tx.query<{ n: number }>(sql)).toEqual([{ n: 42 }]);
      expect(await tx.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [sql])).toHaveLength(1);
    });
  });

  it('runs a text of several commands unnamed', async () => {
    if (db.kind !== 'postgres') return;
    await db.transaction(async (tx) => {
      const several = `CREATE TEMPORARY TABLE prepared_probe (n int); INSERT INTO prepared_probe VALUES (7)`;
      await tx.query(several);
      expect(await tx.query<{ n: number }>(`SELECT n FROM prepared_probe`)).toEqual([{ n: 7 }]);
      expect(await tx.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [several])).toEqual([]);
    });
  });
});
